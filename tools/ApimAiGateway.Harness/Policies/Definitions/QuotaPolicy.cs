using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>quota (quota-policy 2024-07; apim-reference §4.21). No attribute takes expressions.</summary>
public sealed class QuotaPolicy() : PolicyDefinition(
    Policy("quota")
        .Integer("calls", expressions: false)
        .Integer("bandwidth", expressions: false)
        .Integer("renewal-period", required: true, expressions: false)
        .Rule(AttributeRuleKind.AtLeastOneOf, "calls", "bandwidth")
        .Child(Scoped("api", Scoped("operation", child: null)))
        .Build(),
    "Enforces a call volume and/or bandwidth quota per subscription (fixed window).",
    PolicySections.Inbound,
    PolicyScopes.Product,
    PolicyOccurrence.OncePerDocument)
{
    private static ElementSpec Scoped(string name, ElementSpec? child)
    {
        var element = Element(name)
            .Attribute("name", expressions: false)
            .Attribute("id", expressions: false)
            .Integer("calls", expressions: false)
            .Integer("bandwidth", expressions: false)
            .Integer("renewal-period", required: true, expressions: false)
            .Rule(AttributeRuleKind.AtLeastOneOf, "name", "id")
            .Rule(AttributeRuleKind.AtLeastOneOf, "calls", "bandwidth");
        return (child is null ? element : element.Child(child)).Build();
    }
}
