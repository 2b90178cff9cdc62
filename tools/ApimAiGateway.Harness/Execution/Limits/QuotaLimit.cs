using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>
/// One literal quota of quota, its nested elements or quota-by-key: calls and/or kilobytes per fixed window of
/// <see cref="RenewalPeriod"/> (zero never renews), counted per definition for quota.
/// </summary>
internal sealed record QuotaLimit(long? Calls, long? BandwidthKilobytes, TimeSpan RenewalPeriod, string Definition)
{
    public static QuotaLimit Read(PolicyElement element, PolicyBinder binder) => new(
        element.Literal("calls") is { } calls ? ValueConversions.FromLiteral<long>(calls) : null,
        element.Literal("bandwidth") is { } bandwidth ? ValueConversions.FromLiteral<long>(bandwidth) : null,
        TimeSpan.FromSeconds(ValueConversions.FromLiteral<long>(element.Literal("renewal-period") ?? "0")),
        LimitCounterKeys.Definition(binder, element));

    /// <summary>Bandwidth is counted in bytes, so small messages add up exactly; the limit is in kilobytes of 1024 bytes.</summary>
    public long? BandwidthBytes => BandwidthKilobytes * 1024;
}
