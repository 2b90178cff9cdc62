using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>azure-openai-emit-token-metric (azure-openai-emit-token-metric-policy; apim-reference §4.32).</summary>
public sealed class AzureOpenAiEmitTokenMetricPolicy() : PolicyDefinition(
    LlmEmitTokenMetricPolicy.Describe("azure-openai-emit-token-metric"),
    "Sends Azure OpenAI token counts as custom metrics to Application Insights.",
    PolicySections.Inbound,
    PolicyScopes.All);
