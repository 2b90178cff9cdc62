using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>rate-limit (rate-limit-policy 2024-07; apim-reference §4.19). No attribute takes expressions.</summary>
public sealed class RateLimitPolicy() : PolicyDefinition(
    Policy("rate-limit")
        .Integer("calls", required: true, expressions: false)
        .Integer("renewal-period", required: true, expressions: false)
        .Attribute("retry-after-header-name", expressions: false, defaultValue: "Retry-After")
        .Attribute("retry-after-variable-name", expressions: false)
        .Attribute("remaining-calls-header-name", expressions: false)
        .Attribute("remaining-calls-variable-name", expressions: false)
        .Attribute("total-calls-header-name", expressions: false)
        .Child(Scoped("api", Scoped("operation", child: null)))
        .Build(),
    "Limits the call rate per subscription (sliding window).",
    PolicySections.Inbound,
    PolicyScopes.Product | PolicyScopes.Api | PolicyScopes.Operation,
    PolicyOccurrence.OncePerDocument)
{
    // Nested <api>/<operation> limits are identified by name or id ("id wins over name").
    private static ElementSpec Scoped(string name, ElementSpec? child)
    {
        var element = Element(name)
            .Attribute("name", expressions: false)
            .Attribute("id", expressions: false)
            .Integer("calls", required: true, expressions: false)
            .Integer("renewal-period", required: true, expressions: false)
            .Rule(AttributeRuleKind.AtLeastOneOf, "name", "id");
        return (child is null ? element : element.Child(child)).Build();
    }
}
