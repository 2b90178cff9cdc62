using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>rewrite-uri (rewrite-uri-policy 2022-12; apim-reference §4.7).</summary>
public sealed class RewriteUriPolicy() : PolicyDefinition(
    Policy("rewrite-uri")
        .Attribute("template", required: true)
        .Boolean("copy-unmatched-params", defaultValue: "true")
        .Build(),
    "Converts the request URL from its public form to the form the backend expects.",
    PolicySections.Inbound,
    PolicyScopes.All);
