using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>cache-store (cache-store-policy 2024-03; apim-reference §4.29).</summary>
public sealed class CacheStorePolicy() : PolicyDefinition(
    Policy("cache-store")
        .Integer("duration", required: true)
        .Boolean("cache-response", defaultValue: "false")
        .Build(),
    "Caches the response for later cache-lookup.",
    PolicySections.Outbound,
    PolicyScopes.All,
    PolicyOccurrence.OncePerSection);
