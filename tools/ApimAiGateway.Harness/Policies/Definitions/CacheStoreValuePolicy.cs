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
    // Not once-per-section, although the page's usage notes say so: those notes are copied from cache-store (the
    // next one, "only caches responses to HTTP GET requests", cannot apply to a value), and Microsoft's published
    // AI-Gateway MCP authorization lab stores three values in one inbound section.
    PolicyScopes.All);
