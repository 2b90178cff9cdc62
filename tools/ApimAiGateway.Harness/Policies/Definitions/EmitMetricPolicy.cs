using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>emit-metric (emit-metric-policy 2024-03; apim-reference §4.17).</summary>
public sealed class EmitMetricPolicy() : PolicyDefinition(
    Policy("emit-metric")
        .Attribute("name", required: true, expressions: false)
        .Attribute("namespace", expressions: false, defaultValue: "API Management")
        .Number("value", defaultValue: "1")
        .Child(SharedElements.MetricDimension, minOccurs: 1, maxOccurs: SharedElements.MaxMetricDimensions)
        .Build(),
    "Sends a custom metric to Application Insights.",
    PolicySections.All,
    PolicyScopes.All);
