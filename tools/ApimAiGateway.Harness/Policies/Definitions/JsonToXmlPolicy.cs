using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>json-to-xml (json-to-xml-policy).</summary>
public sealed class JsonToXmlPolicy() : PolicyDefinition(
    Policy("json-to-xml")
        .Enumeration("apply", ["always", "content-type-json"], required: true)
        .Boolean("consider-accept-header", defaultValue: "true")
        .Boolean("parse-date", defaultValue: "true")
        .Attribute("namespace-separator")
        .Attribute("namespace-prefix")
        .Attribute("attribute-block-name")
        .Build(),
    "Converts a JSON body to XML.",
    PolicySections.Inbound | PolicySections.Outbound | PolicySections.OnError,
    PolicyScopes.All);
