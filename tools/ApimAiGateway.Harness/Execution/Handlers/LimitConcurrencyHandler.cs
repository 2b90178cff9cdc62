using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// limit-concurrency (limit-concurrency page): runs the enclosed policies for at most max-count requests at a time per
/// key, the key shared by every policy that uses it. "When that number is exceeded, new requests will fail
/// immediately with the 429 Too Many Requests status code": no queueing. The page names no error reason or message;
/// the harness reports reason ConcurrencyLimitExceeded. A request holds its slot until the enclosed policies finish,
/// however they finish.
/// </summary>
public sealed class LimitConcurrencyHandler : IPolicyHandler
{
    public string PolicyName => "limit-concurrency";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "key", string.Empty),
        binder.Attribute(element, "max-count", 0),
        binder.Sequence(element.Elements));

    private sealed class Step(BoundValue<string> key, BoundValue<int> maxCount, IPolicyStep enclosed) : IPolicyStep
    {
        public async ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var slot = key.Evaluate(context) ?? string.Empty;
            var max = maxCount.Evaluate(context);
            var slots = context.Services.Concurrency;
            if (!slots.TryEnter(slot, max))
            {
                context.Note($"key '{slot}': {max} request(s) already inside; refused");
                throw new PolicyException("limit-concurrency", "ConcurrencyLimitExceeded", "Too many concurrent requests.", 429);
            }

            context.Note($"key '{slot}': entered ({slots.Inside(slot)}/{max})");
            try
            {
                await enclosed.ExecuteAsync(context);
            }
            finally
            {
                slots.Exit(slot);
            }
        }
    }
}
