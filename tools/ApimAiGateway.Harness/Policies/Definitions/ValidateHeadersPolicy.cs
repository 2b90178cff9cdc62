using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>validate-headers (validate-headers-policy): validates response headers.</summary>
public sealed class ValidateHeadersPolicy() : PolicyDefinition(
    Policy("validate-headers")
        .Enumeration("specified-header-action", ValidationActions.All, required: true)
        .Enumeration("unspecified-header-action", ValidationActions.All, required: true)
        .Attribute("errors-variable-name")
        .Child(Element("header")
            .Attribute("name", required: true)
            .Enumeration("action", ValidationActions.All, required: true)
            .Build())
        .Build(),
    "Validates response headers against the API schema.",
    PolicySections.Outbound | PolicySections.OnError,
    PolicyScopes.All);
