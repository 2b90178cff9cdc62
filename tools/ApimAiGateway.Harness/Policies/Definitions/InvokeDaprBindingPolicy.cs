using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>invoke-dapr-binding (invoke-dapr-binding-policy; self-hosted gateway only).</summary>
public sealed class InvokeDaprBindingPolicy() : PolicyDefinition(
    Policy("invoke-dapr-binding")
        .Attribute("name", required: true)
        .Attribute("operation")
        .Boolean("ignore-error", defaultValue: "false")
        .Attribute("response-variable-name")
        .Integer("timeout")
        .Enumeration("template", ["liquid"])
        .Attribute("content-type")
        .Child(
            Element("metadata")
                .Child(Element("item").Attribute("key", required: true).Text(TextContent.OptionalValue).Build())
                .Build(),
            maxOccurs: 1)
        .Child(Element("data").Text(TextContent.OptionalValue).Build(), maxOccurs: 1)
        .Build(),
    "Invokes a Dapr output binding.",
    PolicySections.Inbound | PolicySections.Outbound | PolicySections.OnError,
    PolicyScopes.All);
