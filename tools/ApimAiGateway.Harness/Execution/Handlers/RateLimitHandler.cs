using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Limits;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// rate-limit (apim-reference §4.19): calls per sliding window per subscription, counted once per policy definition,
/// with independent limits for the nested <c>&lt;api&gt;</c> and <c>&lt;operation&gt;</c> elements that match the
/// request. Calls without a subscription are not limited. Over any limit the caller gets 429 with Retry-After; a
/// refused call is counted by none of the limits.
/// </summary>
public sealed class RateLimitHandler : IPolicyHandler
{
    public string PolicyName => "rate-limit";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        NestedLimits<CallRateLimit>.Read(element, e => CallRateLimit.Read(e, binder)),
        RateLimitReporting.Read(element));

    private sealed class Step(NestedLimits<CallRateLimit> limits, RateLimitReporting reporting) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            if (context.Expression.Subscription is not { } subscription)
            {
                context.Note("no subscription: rate-limit applies only to calls made with a subscription key");
                return ValueTask.CompletedTask;
            }

            var rates = context.Services.Stores.CallRates;
            var own = limits.Own;
            var applicable = limits.ApplicableTo(context.Expression)
                .Select(limit => (Limit: limit, Key: LimitCounterKeys.ForSubscription(subscription.Id, limit.Definition)))
                .ToList();
            foreach (var (limit, key) in applicable)
            {
                var check = rates.Check(key, limit.Calls, limit.Window);
                if (!check.HasRoom)
                {
                    throw reporting.Exceeded(context, "rate-limit", check.RetryAfter, own.Calls);
                }
            }

            var remaining = 0L;
            foreach (var (limit, key) in applicable)
            {
                var result = rates.TryAcquire(key, 1, limit.Calls, limit.Window);
                if (!result.Allowed)
                {
                    throw reporting.Exceeded(context, "rate-limit", result.RetryAfter, own.Calls);
                }

                if (ReferenceEquals(limit, own))
                {
                    remaining = result.Remaining;
                }
            }

            reporting.Admitted(context, remaining, own.Calls);
            context.Note($"subscription '{subscription.Id}': {own.Calls - remaining}/{own.Calls} calls in the last {own.Window.TotalSeconds} s ({applicable.Count} limit(s) counted)");
            return ValueTask.CompletedTask;
        }
    }
}
