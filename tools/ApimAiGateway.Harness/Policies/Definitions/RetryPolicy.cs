using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>retry (retry-policy 2022-12; apim-reference §4.14).</summary>
public sealed class RetryPolicy() : PolicyDefinition(
    Policy("retry")
        .Attribute("condition", AttributeValueType.Boolean, required: true)
        .Integer("count", required: true)
        .Integer("interval", required: true)
        .Integer("max-interval")
        .Integer("delta")
        .Boolean("first-fast-retry", defaultValue: "false")
        .Policies()
        .Build(),
    "Runs the enclosed policies again while the condition is true, up to a count.",
    PolicySections.All,
    PolicyScopes.All);
