using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>azure-openai-semantic-cache-lookup (azure-openai-semantic-cache-lookup-policy; apim-reference §4.33).</summary>
public sealed class AzureOpenAiSemanticCacheLookupPolicy() : PolicyDefinition(
    LlmSemanticCacheLookupPolicy.Describe("azure-openai-semantic-cache-lookup"),
    "Returns a cached Azure OpenAI completion for a semantically similar prompt.",
    PolicySections.Inbound,
    PolicyScopes.All,
    PolicyOccurrence.OncePerSection);
