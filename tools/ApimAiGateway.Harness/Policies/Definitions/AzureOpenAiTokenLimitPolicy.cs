using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>azure-openai-token-limit (azure-openai-token-limit-policy; apim-reference §4.31).</summary>
public sealed class AzureOpenAiTokenLimitPolicy() : PolicyDefinition(
    LlmTokenLimitPolicy.Describe("azure-openai-token-limit"),
    "Limits Azure OpenAI token consumption per key (tokens per minute and/or a token quota).",
    PolicySections.Inbound,
    PolicyScopes.All);
