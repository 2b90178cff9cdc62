using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>llm-token-limit (llm-token-limit-policy 2024-10 and newer; apim-reference §4.31).</summary>
public sealed class LlmTokenLimitPolicy() : PolicyDefinition(
    Describe("llm-token-limit"),
    "Limits language model token consumption per key (tokens per minute and/or a token quota).",
    PolicySections.Inbound,
    PolicyScopes.All)
{
    /// <summary>The schema shared with azure-openai-token-limit, whose current page has the same attributes.</summary>
    internal static ElementSpec Describe(string name) => Policy(name)
        .Attribute("counter-key", required: true)
        // Expressions: not stated on the page, allowed by the policy toolkit; accepted.
        .Integer("tokens-per-minute")
        .Integer("token-quota", expressions: false)
        .Enumeration("token-quota-period", ["Hourly", "Daily", "Weekly", "Monthly", "Yearly"], expressions: false)
        .Boolean("estimate-prompt-tokens", required: true)
        .Attribute("retry-after-header-name", expressions: false, defaultValue: "Retry-After")
        .Attribute("retry-after-variable-name", expressions: false)
        .Attribute("remaining-quota-tokens-header-name", expressions: false)
        .Attribute("remaining-quota-tokens-variable-name", expressions: false)
        .Attribute("remaining-tokens-header-name", expressions: false)
        .Attribute("remaining-tokens-variable-name", expressions: false)
        .Attribute("tokens-consumed-header-name", expressions: false)
        .Attribute("tokens-consumed-variable-name", expressions: false)
        .Rule(AttributeRuleKind.AtLeastOneOf, "tokens-per-minute", "token-quota")
        .Rule(AttributeRuleKind.RequiresTogether, "token-quota", "token-quota-period")
        .Build();
}
