using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>validate-jwt (validate-jwt-policy 2024-03 and 2026; apim-reference §4.26).</summary>
public sealed class ValidateJwtPolicy() : PolicyDefinition(
    Policy("validate-jwt")
        .Attribute("header-name")
        .Attribute("query-parameter-name")
        .Attribute("token-value")
        .Integer("failed-validation-httpcode", defaultValue: "401")
        .Attribute("failed-validation-error-message")
        .Boolean("require-expiration-time", defaultValue: "true")
        .Attribute("require-scheme")
        .Boolean("require-signed-tokens", defaultValue: "true")
        .Integer("clock-skew", defaultValue: "0")
        .Attribute("output-token-variable-name", expressions: false)
        .Rule(AttributeRuleKind.ExactlyOneOf, "header-name", "query-parameter-name", "token-value")
        .Child(Element("openid-config").Attribute("url", required: true).Boolean("validate-connectivity").Build())
        .Child(Element("issuer-signing-keys").Child(Key, minOccurs: 1).Build(), maxOccurs: 1)
        .Child(Element("decryption-keys").Child(Key, minOccurs: 1).Build(), maxOccurs: 1)
        .Child(SharedElements.Audiences, maxOccurs: 1)
        .Child(
            Element("issuers").Child(Element("issuer").Text(TextContent.RequiredValue).Build(), minOccurs: 1).Build(),
            maxOccurs: 1)
        .Child(SharedElements.RequiredClaims, maxOccurs: 1)
        .Build(),
    "Enforces the presence and validity of a JWT.",
    PolicySections.Inbound,
    PolicyScopes.All)
{
    // A key is inline Base64 text, a certificate-id, or an RSA modulus n with exponent e; id matches the token's kid.
    private static ElementSpec Key => Element("key")
        .Attribute("id")
        .Attribute("certificate-id")
        .Attribute("n", expressions: false)
        .Attribute("e", expressions: false)
        .Rule(AttributeRuleKind.RequiresTogether, "n", "e")
        .Text(TextContent.OptionalValue)
        .Build();
}
