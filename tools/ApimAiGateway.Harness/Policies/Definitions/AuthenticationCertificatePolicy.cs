using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>authentication-certificate (authentication-certificate-policy).</summary>
public sealed class AuthenticationCertificatePolicy() : PolicyDefinition(
    Spec,
    "Authenticates with the backend using a client certificate.",
    PolicySections.Inbound,
    PolicyScopes.All)
{
    /// <summary>Also a child of the send-request policies. The certificate is a thumbprint, an id, or a body.</summary>
    public static ElementSpec Spec { get; } = Policy("authentication-certificate")
        .Attribute("thumbprint")
        .Attribute("certificate-id")
        .Attribute("body")
        .Attribute("password")
        .Rule(AttributeRuleKind.ExactlyOneOf, "thumbprint", "certificate-id", "body")
        .Build();
}
