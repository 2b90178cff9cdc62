using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>validate-content (validate-content-policy).</summary>
public sealed class ValidateContentPolicy() : PolicyDefinition(
    Policy("validate-content")
        .Enumeration("unspecified-content-type-action", ValidationActions.All, required: true)
        .Integer("max-size", required: true)
        .Enumeration("size-exceeded-action", ValidationActions.All, required: true)
        .Attribute("errors-variable-name")
        .Child(
            Element("content-type-map")
                .Attribute("any-content-type-value")
                .Attribute("missing-content-type-value")
                .Child(Element("type").Attribute("from").Attribute("when").Attribute("to", required: true).Build())
                .Build(),
            maxOccurs: 1)
        .Child(
            Element("content")
                .Attribute("type")
                .Enumeration("validate-as", ["json", "xml", "soap"], required: true)
                .Attribute("schema-id")
                .Attribute("schema-ref")
                .Enumeration("action", ValidationActions.All, required: true)
                .Boolean("allow-additional-properties")
                .Boolean("case-insensitive-property-names", defaultValue: "false")
                .Build())
        .Build(),
    "Validates the size or content of a request or response body against the API schemas.",
    PolicySections.Inbound | PolicySections.Outbound | PolicySections.OnError,
    PolicyScopes.All);
