using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>authentication-basic (authentication-basic-policy).</summary>
public sealed class AuthenticationBasicPolicy() : PolicyDefinition(
    Policy("authentication-basic")
        .Attribute("username", required: true)
        .Attribute("password", required: true)
        .Build(),
    "Authenticates with the backend using Basic authentication.",
    PolicySections.Inbound,
    PolicyScopes.All);
