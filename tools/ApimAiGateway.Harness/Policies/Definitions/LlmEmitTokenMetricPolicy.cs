using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>llm-emit-token-metric (llm-emit-token-metric-policy; apim-reference §4.32).</summary>
public sealed class LlmEmitTokenMetricPolicy() : PolicyDefinition(
    Describe("llm-emit-token-metric"),
    "Sends language model token counts as custom metrics to Application Insights.",
    PolicySections.Inbound,
    PolicyScopes.All)
{
    /// <summary>
    /// The schema shared with azure-openai-emit-token-metric. <c>value</c> is documented only for the Azure OpenAI
    /// variant (2024 page); accepted on both so that neither reports a false error.
    /// </summary>
    internal static ElementSpec Describe(string name) => Policy(name)
        .Attribute("namespace", expressions: false, defaultValue: "API Management")
        .Number("value", defaultValue: "1")
        .Child(SharedElements.MetricDimension, minOccurs: 1, maxOccurs: SharedElements.MaxMetricDimensions)
        .Build();
}
