using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>llm-semantic-cache-store (llm-semantic-cache-store-policy; apim-reference §4.33, §3.4: G P A O).</summary>
public sealed class LlmSemanticCacheStorePolicy() : PolicyDefinition(
    Describe("llm-semantic-cache-store"),
    "Caches a completion for later semantic cache lookups.",
    PolicySections.Outbound,
    PolicyScopes.Global | PolicyScopes.Product | PolicyScopes.Api | PolicyScopes.Operation,
    PolicyOccurrence.OncePerSection)
{
    /// <summary>The schema shared with azure-openai-semantic-cache-store.</summary>
    internal static ElementSpec Describe(string name) => Policy(name).Integer("duration", required: true).Build();
}
