using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Limits;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// rate-limit-by-key (apim-reference §4.20): calls per sliding window of renewal-period seconds, one counter per
/// counter-key value shared by every scope that uses it. Over the limit the caller gets 429 with Retry-After.
/// With increment-condition or increment-count as expressions the request is checked now and counted at the end of
/// outbound, when the response is known.
/// </summary>
public sealed class RateLimitByKeyHandler : IPolicyHandler
{
    public string PolicyName => "rate-limit-by-key";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "calls", 0L),
        binder.Attribute(element, "renewal-period", 0L),
        binder.Attribute(element, "counter-key", string.Empty),
        IncrementRule.Read(element, binder),
        RateLimitReporting.Read(element));

    private sealed class Step(BoundValue<long> calls, BoundValue<long> renewalPeriod, BoundValue<string> counterKey, IncrementRule increment, RateLimitReporting reporting) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var limit = calls.Evaluate(context);
            var window = TimeSpan.FromSeconds(renewalPeriod.Evaluate(context));
            var keyValue = counterKey.Evaluate(context) ?? string.Empty;
            var key = LimitCounterKeys.ForCounterKey(keyValue);
            var rates = context.Services.Stores.CallRates;
            if (increment.IsDeferred)
            {
                var check = rates.Check(key, limit, window);
                if (!check.HasRoom)
                {
                    throw reporting.Exceeded(context, "rate-limit-by-key", check.RetryAfter, limit);
                }

                reporting.SetRemainingVariable(context, limit - check.Used);
                context.Note($"key '{keyValue}': {check.Used}/{limit} calls in the last {window.TotalSeconds} s; counting deferred to the end of outbound");
                var location = context.Current;
                context.AfterOutbound(final => CountDeferred(final, location, key, limit, window, check.Used));
                return ValueTask.CompletedTask;
            }

            var amount = increment.Amount(context);
            if (amount <= 0)
            {
                var check = rates.Check(key, limit, window);
                if (!check.HasRoom)
                {
                    throw reporting.Exceeded(context, "rate-limit-by-key", check.RetryAfter, limit);
                }

                reporting.Admitted(context, limit - check.Used, limit);
                context.Note($"key '{keyValue}': not counted (increment-condition is false); {check.Used}/{limit} calls");
                return ValueTask.CompletedTask;
            }

            var result = rates.TryAcquire(key, amount, limit, window);
            if (!result.Allowed)
            {
                throw reporting.Exceeded(context, "rate-limit-by-key", result.RetryAfter, limit);
            }

            reporting.Admitted(context, result.Remaining, limit);
            context.Note($"key '{keyValue}': {result.Used}/{limit} calls in the last {window.TotalSeconds} s");
            return ValueTask.CompletedTask;
        }

        private ValueTask CountDeferred(PolicyExecutionContext context, PolicyLocation? location, string key, long limit, TimeSpan window, long usedBefore)
        {
            long amount;
            try
            {
                amount = increment.Amount(context);
            }
            catch (PolicyException e)
            {
                // The response is already decided; APIM's behaviour here is undocumented, so the request goes uncounted.
                context.NoteFor(location, $"increment skipped, its expression failed: {e.Message}");
                reporting.SetHeaders(context.Response.Headers, limit - usedBefore, limit);
                return ValueTask.CompletedTask;
            }

            var rates = context.Services.Stores.CallRates;
            var used = amount > 0 ? rates.Add(key, amount, window) : rates.Peek(key, window);
            reporting.SetHeaders(context.Response.Headers, limit - used, limit);
            context.NoteFor(location, amount > 0 ? $"counted {amount} at the end of outbound: {used}/{limit} calls" : "not counted: increment-condition is false");
            return ValueTask.CompletedTask;
        }
    }
}
