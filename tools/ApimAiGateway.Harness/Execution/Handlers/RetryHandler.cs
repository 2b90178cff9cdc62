using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Calls;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// retry (apim-reference §4.14): runs its children once, then evaluates the condition after each run and runs them
/// again while it is true, at most count (1–50) more times, waiting as <see cref="RetryBackoff"/> computes on the
/// virtual clock. An error in a child is not retried: it flows to on-error like any error. The "retry policy"
/// page's example retries a failed send-request only by setting ignore-error so the response variable is null,
/// which would be needless if errors were retried.
/// </summary>
public sealed class RetryHandler : IPolicyHandler
{
    private const int MaxCount = 50;

    public string PolicyName => "retry";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "condition", false),
        binder.Attribute(element, "count", 1),
        binder.Attribute(element, "interval", 0),
        binder.Attribute<int?>(element, "delta", null),
        binder.Attribute<int?>(element, "max-interval", null),
        binder.Attribute(element, "first-fast-retry", false),
        binder.Sequence(element.Elements));

    private sealed class Step(
        BoundValue<bool> condition,
        BoundValue<int> count,
        BoundValue<int> interval,
        BoundValue<int?> delta,
        BoundValue<int?> maxInterval,
        BoundValue<bool> firstFastRetry,
        IPolicyStep children) : IPolicyStep
    {
        public async ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            await children.ExecuteAsync(context);
            var retries = Math.Clamp(count.Evaluate(context), 0, MaxCount);
            var backoff = new RetryBackoff(interval.Evaluate(context), delta.Evaluate(context), maxInterval.Evaluate(context), firstFastRetry.Evaluate(context));
            for (var retry = 1; retry <= retries && !context.IsTerminated && condition.Evaluate(context); retry++)
            {
                var wait = backoff.Before(retry);
                context.Note($"condition is true: retry {retry} of {retries} after {wait.TotalSeconds:0.###} s");
                context.Elapse(wait);
                await children.ExecuteAsync(context);
            }
        }
    }
}
