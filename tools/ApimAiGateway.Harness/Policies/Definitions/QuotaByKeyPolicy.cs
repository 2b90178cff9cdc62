using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>quota-by-key (quota-by-key-policy 2024-03; apim-reference §4.22).</summary>
public sealed class QuotaByKeyPolicy() : PolicyDefinition(
    Policy("quota-by-key")
        .Integer("calls", expressions: false)
        .Integer("bandwidth", expressions: false)
        .Attribute("counter-key", required: true)
        .Attribute("increment-condition", AttributeValueType.Boolean)
        .Integer("increment-count", defaultValue: "1")
        .Integer("renewal-period", required: true, expressions: false)
        .Attribute("first-period-start", AttributeValueType.DateTime, expressions: false, defaultValue: "0001-01-01T00:00:00Z")
        .Rule(AttributeRuleKind.AtLeastOneOf, "calls", "bandwidth")
        .Build(),
    "Enforces a call volume and/or bandwidth quota per key (fixed window).",
    PolicySections.Inbound,
    PolicyScopes.All);
