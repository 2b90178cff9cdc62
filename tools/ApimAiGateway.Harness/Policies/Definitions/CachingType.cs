using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>The caching-type attribute of the cache policies: which cache to use. No expressions.</summary>
public static class CachingType
{
    public static AttributeSpec Attribute { get; } = new(
        "caching-type",
        Required: false,
        AllowsExpressions: false,
        AttributeValueType.Enumeration,
        ["internal", "external", "prefer-external"],
        Default: "prefer-external");
}
