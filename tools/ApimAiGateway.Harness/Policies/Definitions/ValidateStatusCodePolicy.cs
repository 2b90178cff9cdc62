using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>validate-status-code (validate-status-code-policy).</summary>
public sealed class ValidateStatusCodePolicy() : PolicyDefinition(
    Policy("validate-status-code")
        .Enumeration("unspecified-status-code-action", ValidationActions.All, required: true)
        .Attribute("errors-variable-name")
        .Child(Element("status-code")
            .Integer("code", required: true)
            .Enumeration("action", ValidationActions.All, required: true)
            .Build())
        .Build(),
    "Validates response status codes against the API schema.",
    PolicySections.Outbound | PolicySections.OnError,
    PolicyScopes.All);
