using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>rate-limit-by-key (rate-limit-by-key-policy 2024-05; apim-reference §4.20).</summary>
public sealed class RateLimitByKeyPolicy() : PolicyDefinition(
    Policy("rate-limit-by-key")
        .Integer("calls", required: true)
        .Integer("renewal-period", required: true)
        .Attribute("counter-key", required: true)
        .Attribute("increment-condition", AttributeValueType.Boolean)
        .Integer("increment-count", defaultValue: "1")
        .Attribute("retry-after-header-name", expressions: false, defaultValue: "Retry-After")
        .Attribute("retry-after-variable-name", expressions: false)
        .Attribute("remaining-calls-header-name", expressions: false)
        .Attribute("remaining-calls-variable-name", expressions: false)
        .Attribute("total-calls-header-name", expressions: false)
        .Build(),
    "Limits the call rate per key (sliding window).",
    PolicySections.Inbound,
    PolicyScopes.All);
