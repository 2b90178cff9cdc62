using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>azure-openai-semantic-cache-store (azure-openai-semantic-cache-store-policy; apim-reference §3.4: G P A O).</summary>
public sealed class AzureOpenAiSemanticCacheStorePolicy() : PolicyDefinition(
    LlmSemanticCacheStorePolicy.Describe("azure-openai-semantic-cache-store"),
    "Caches an Azure OpenAI completion for later semantic cache lookups.",
    PolicySections.Outbound,
    PolicyScopes.Global | PolicyScopes.Product | PolicyScopes.Api | PolicyScopes.Operation,
    PolicyOccurrence.OncePerSection);
