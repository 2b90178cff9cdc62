using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Limits;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// quota (apim-reference §4.21): calls and/or kilobytes per subscription in fixed windows of renewal-period seconds
/// aligned to the subscription's start (its created date; the gateway's start when it has none), 0 never renewing;
/// counted once per policy definition, with independent quotas for the nested <c>&lt;api&gt;</c> and
/// <c>&lt;operation&gt;</c> elements that match. Calls without a subscription are not counted. A used-up quota answers
/// 403 with Retry-After.
/// </summary>
public sealed class QuotaHandler : IPolicyHandler
{
    public string PolicyName => "quota";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) =>
        new Step(NestedLimits<QuotaLimit>.Read(element, e => QuotaLimit.Read(e, binder)));

    private sealed class Step(NestedLimits<QuotaLimit> limits) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            if (context.Expression.Subscription is not { } subscription)
            {
                context.Note("no subscription: quota applies only to calls made with a subscription key");
                return ValueTask.CompletedTask;
            }

            var anchor = SubscriptionStart(subscription, context.Services);
            var counters = limits.ApplicableTo(context.Expression)
                .Select(limit => new QuotaCounter(
                    "quota",
                    LimitCounterKeys.ForSubscription(subscription.Id, limit.Definition),
                    limit,
                    QuotaPeriod.Renewing(limit.RenewalPeriod, anchor)))
                .ToList();
            foreach (var counter in counters)
            {
                counter.EnsureAvailable(context);
            }

            foreach (var counter in counters)
            {
                var used = counter.AcquireCalls(context, 1);
                context.Note(used is { } calls
                    ? $"subscription '{subscription.Id}': {calls}/{counter.Limit.Calls} calls in this period"
                    : $"subscription '{subscription.Id}': bandwidth counted at the end of the request");
            }

            context.AfterOutbound(final =>
            {
                counters.ForEach(counter => counter.AddBandwidth(final));
                return ValueTask.CompletedTask;
            });
            return ValueTask.CompletedTask;
        }

        private static DateTimeOffset SubscriptionStart(ISubscription subscription, GatewayServices services) =>
            subscription.CreatedDate == default
                ? services.StartedAt
                : new DateTimeOffset(DateTime.SpecifyKind(subscription.CreatedDate, DateTimeKind.Utc));
    }
}
