using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>authentication-managed-identity (authentication-managed-identity-policy 2024-07; apim-reference §4.28).</summary>
public sealed class AuthenticationManagedIdentityPolicy() : PolicyDefinition(
    Spec,
    "Authenticates with the backend using a managed identity token.",
    PolicySections.Inbound,
    // The page lists G P A O; workspaces accept it.
    PolicyScopes.All)
{
    /// <summary>Also a child of the send-request policies.</summary>
    public static ElementSpec Spec { get; } = Policy("authentication-managed-identity")
        .Attribute("resource", required: true)
        .Attribute("client-id", expressions: false)
        .Attribute("output-token-variable-name", expressions: false)
        .Boolean("ignore-error", defaultValue: "false")
        .Build();
}
