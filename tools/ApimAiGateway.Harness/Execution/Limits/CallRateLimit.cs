using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>One literal rate limit of rate-limit or its nested elements: calls per sliding window, counted per definition.</summary>
internal sealed record CallRateLimit(long Calls, TimeSpan Window, string Definition)
{
    public static CallRateLimit Read(PolicyElement element, PolicyBinder binder) => new(
        ValueConversions.FromLiteral<long>(element.Literal("calls") ?? "0"),
        TimeSpan.FromSeconds(ValueConversions.FromLiteral<long>(element.Literal("renewal-period") ?? "0")),
        LimitCounterKeys.Definition(binder, element));
}
