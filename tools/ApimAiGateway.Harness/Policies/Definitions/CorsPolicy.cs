using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>cors (cors-policy 2024-07; apim-reference §4.25).</summary>
public sealed class CorsPolicy() : PolicyDefinition(
    Policy("cors")
        .Boolean("allow-credentials", defaultValue: "false")
        // The page's table says false, its "Common issues" text says true; no default is asserted here.
        .Boolean("terminate-unmatched-request")
        .Child(Element("allowed-origins").Child(Item("origin"), minOccurs: 1).Build(), minOccurs: 1, maxOccurs: 1)
        .Child(
            Element("allowed-methods")
                .Integer("preflight-result-max-age", defaultValue: "0")
                .Child(Item("method"), minOccurs: 1)
                .Build(),
            maxOccurs: 1)
        // The page marks allowed-headers required; published policies omit it for simple requests, so it is optional.
        .Child(Element("allowed-headers").Child(Item("header"), minOccurs: 1).Build(), maxOccurs: 1)
        .Child(Element("expose-headers").Child(Item("header"), minOccurs: 1).Build(), maxOccurs: 1)
        .Build(),
    "Adds cross-origin resource sharing (CORS) support.",
    PolicySections.Inbound,
    PolicyScopes.All,
    PolicyOccurrence.OncePerSection)
{
    private static ElementSpec Item(string name) => Element(name).Text(TextContent.RequiredValue).Build();
}
