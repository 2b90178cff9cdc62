using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>cache-remove-value (cache-remove-value-policy 2024-07; apim-reference §4.30).</summary>
public sealed class CacheRemoveValuePolicy() : PolicyDefinition(
    Policy("cache-remove-value")
        .Attribute("key", required: true)
        .Add(CachingType.Attribute)
        .Build(),
    "Removes a cached value by key.",
    PolicySections.All,
    PolicyScopes.All);
