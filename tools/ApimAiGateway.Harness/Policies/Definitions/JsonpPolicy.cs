using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>jsonp (jsonp-policy).</summary>
public sealed class JsonpPolicy() : PolicyDefinition(
    Policy("jsonp").Attribute("callback-parameter-name", required: true).Build(),
    "Adds JSON with padding (JSONP) support.",
    PolicySections.Outbound,
    PolicyScopes.All);
