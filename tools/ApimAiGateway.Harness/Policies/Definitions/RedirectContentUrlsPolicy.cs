using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>redirect-content-urls (redirect-content-urls-policy).</summary>
public sealed class RedirectContentUrlsPolicy() : PolicyDefinition(
    Policy("redirect-content-urls").Build(),
    "Rewrites links in the body so that they point through the gateway.",
    PolicySections.Inbound | PolicySections.Outbound,
    PolicyScopes.All);
