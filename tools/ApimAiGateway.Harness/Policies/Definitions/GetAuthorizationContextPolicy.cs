using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>get-authorization-context (get-authorization-context-policy).</summary>
public sealed class GetAuthorizationContextPolicy() : PolicyDefinition(
    Policy("get-authorization-context")
        .Attribute("provider-id", required: true)
        .Attribute("authorization-id", required: true)
        .Attribute("context-variable-name", required: true)
        .Enumeration("identity-type", ["managed", "jwt"], defaultValue: "managed")
        .Attribute("identity")
        .Boolean("ignore-error", defaultValue: "false")
        .Build(),
    "Gets the authorization context (access token) of a credential manager connection.",
    PolicySections.Inbound,
    PolicyScopes.All);
