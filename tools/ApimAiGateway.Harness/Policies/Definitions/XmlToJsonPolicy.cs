using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>xml-to-json (xml-to-json-policy).</summary>
public sealed class XmlToJsonPolicy() : PolicyDefinition(
    Policy("xml-to-json")
        .Enumeration("kind", ["javascript-friendly", "direct"], required: true)
        .Enumeration("apply", ["always", "content-type-xml"], required: true)
        .Boolean("consider-accept-header", defaultValue: "true")
        .Boolean("always-array-child-elements", defaultValue: "false")
        .Build(),
    "Converts an XML body to JSON.",
    PolicySections.Inbound | PolicySections.Outbound | PolicySections.OnError,
    PolicyScopes.All);
