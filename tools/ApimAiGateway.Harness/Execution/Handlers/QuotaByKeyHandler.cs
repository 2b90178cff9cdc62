using System.Globalization;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Limits;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// quota-by-key (apim-reference §4.22): calls and/or kilobytes per counter-key value in fixed windows of
/// renewal-period seconds counted from first-period-start (0 never renews), one counter per key value shared by every
/// scope; a key is counted at most once per request however many quota-by-key policies use it. increment-condition
/// and increment-count as expressions are evaluated, and the key counted, at the end of outbound. A used-up quota
/// answers 403 with Retry-After.
/// </summary>
public sealed class QuotaByKeyHandler : IPolicyHandler
{
    public string PolicyName => "quota-by-key";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder)
    {
        var start = DateTimeOffset.TryParse(element.Literal("first-period-start"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : QuotaPeriod.DefaultFirstPeriodStart;
        var limit = QuotaLimit.Read(element, binder);
        return new Step(limit, QuotaPeriod.Renewing(limit.RenewalPeriod, start), binder.Attribute(element, "counter-key", string.Empty), IncrementRule.Read(element, binder));
    }

    private sealed class Step(QuotaLimit limit, QuotaPeriod period, BoundValue<string> counterKey, IncrementRule increment) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var keyValue = counterKey.Evaluate(context) ?? string.Empty;
            var key = LimitCounterKeys.ForCounterKey(keyValue);
            var counter = new QuotaCounter("quota-by-key", key, limit, period);
            var counted = context.Feature<CountedQuotaKeys>();
            if (increment.IsDeferred)
            {
                counter.EnsureAvailable(context);
                context.Note($"key '{keyValue}' has quota left; counting deferred to the end of outbound");
                var location = context.Current;
                context.AfterOutbound(final => CountDeferred(final, location, counter, counted, key));
                return ValueTask.CompletedTask;
            }

            var amount = increment.Amount(context);
            if (amount <= 0)
            {
                counter.EnsureAvailable(context);
                context.Note($"key '{keyValue}': not counted (increment-condition is false)");
                return ValueTask.CompletedTask;
            }

            if (!counted.Claim(key))
            {
                context.Note($"key '{keyValue}' was already counted for this request");
                return ValueTask.CompletedTask;
            }

            counter.EnsureAvailable(context);
            var used = counter.AcquireCalls(context, amount);
            context.AfterOutbound(final =>
            {
                counter.AddBandwidth(final);
                return ValueTask.CompletedTask;
            });
            context.Note(used is { } calls ? $"key '{keyValue}': {calls}/{limit.Calls} calls in this period" : $"key '{keyValue}': bandwidth counted at the end of the request");
            return ValueTask.CompletedTask;
        }

        private ValueTask CountDeferred(PolicyExecutionContext context, PolicyLocation? location, QuotaCounter counter, CountedQuotaKeys counted, string key)
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
                return ValueTask.CompletedTask;
            }

            if (amount <= 0)
            {
                context.NoteFor(location, "not counted: increment-condition is false");
            }
            else if (!counted.Claim(key))
            {
                context.NoteFor(location, "already counted for this request");
            }
            else
            {
                counter.AddCalls(context, amount);
                counter.AddBandwidth(context);
                context.NoteFor(location, $"counted {amount} at the end of outbound");
            }

            return ValueTask.CompletedTask;
        }
    }
}
