using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>validate-azure-ad-token (validate-azure-ad-token-policy 2022-12; apim-reference §4.27).</summary>
public sealed class ValidateAzureAdTokenPolicy() : PolicyDefinition(
    Policy("validate-azure-ad-token")
        .Attribute("tenant-id", required: true)
        // header-name defaults to Authorization, so none of the three is required.
        .Attribute("header-name", defaultValue: "Authorization")
        .Attribute("query-parameter-name")
        .Attribute("token-value")
        .Integer("failed-validation-httpcode", defaultValue: "401")
        .Attribute("failed-validation-error-message")
        .Attribute("output-token-variable-name", expressions: false)
        .Rule(AttributeRuleKind.MutuallyExclusive, "header-name", "query-parameter-name", "token-value")
        // Required on the 2022 page; newer pages make audiences an alternative, so it is optional here.
        .Child(ApplicationIds("client-application-ids"), maxOccurs: 1)
        .Child(ApplicationIds("backend-application-ids"), maxOccurs: 1)
        .Child(SharedElements.Audiences, maxOccurs: 1)
        .Child(SharedElements.RequiredClaims, maxOccurs: 1)
        .Build(),
    "Enforces the presence and validity of a Microsoft Entra token.",
    PolicySections.Inbound,
    PolicyScopes.All)
{
    private static ElementSpec ApplicationIds(string name) => Element(name)
        .Child(Element("application-id").Text(TextContent.RequiredValue).Build(), minOccurs: 1)
        .Build();
}
