using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>
/// increment-condition and increment-count of rate-limit-by-key and quota-by-key. "If increment-condition or
/// increment-count are defined using expressions, evaluation and increment of the counter are postponed to the end of
/// outbound pipeline" (apim-reference §4.20), which is what lets the pages' examples test
/// <c>context.Response.StatusCode</c> in an inbound policy; quota-by-key's example does the same, so both defer.
/// </summary>
internal sealed class IncrementRule(BoundValue<bool>? condition, BoundValue<long> count)
{
    public static IncrementRule Read(PolicyElement element, PolicyBinder binder) => new(
        binder.Has(element, "increment-condition") ? binder.Attribute(element, "increment-condition", true) : null,
        binder.Attribute(element, "increment-count", 1L));

    public bool IsDeferred => condition is { IsConstant: false } || !count.IsConstant;

    /// <summary>How much this request counts: the increment-count, or zero when the condition is false.</summary>
    public long Amount(PolicyExecutionContext context) => condition?.Evaluate(context) ?? true ? count.Evaluate(context) : 0;
}
