using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>proxy (proxy-policy).</summary>
public sealed class ProxyPolicy() : PolicyDefinition(
    Spec,
    "Routes forwarded requests through an HTTP proxy.",
    PolicySections.Inbound,
    PolicyScopes.All)
{
    /// <summary>Also a child of the send-request policies.</summary>
    public static ElementSpec Spec { get; } = Policy("proxy")
        .Attribute("url", required: true)
        .Attribute("username")
        .Attribute("password")
        .Build();
}
