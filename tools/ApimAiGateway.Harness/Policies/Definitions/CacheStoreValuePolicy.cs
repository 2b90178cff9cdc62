using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>cache-store-value (cache-store-value-policy 2024-07; apim-reference §4.30).</summary>
public sealed class CacheStoreValuePolicy() : PolicyDefinition(
    Policy("cache-store-value")
        .Attribute("key", required: true)
        .Attribute("value", required: true)
        .Integer("duration", required: true)
        .Add(CachingType.Attribute)
        .Build(),
    "Stores a value in the cache by key.",
    PolicySections.All,
    PolicyScopes.All,
    // Usage notes: "This policy can only be used once in a policy section."
    PolicyOccurrence.OncePerSection);
