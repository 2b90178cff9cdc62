using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>publish-to-dapr (publish-to-dapr-policy; self-hosted gateway only). The text is the message.</summary>
public sealed class PublishToDaprPolicy() : PolicyDefinition(
    Policy("publish-to-dapr")
        .Attribute("pubsub-name", required: true)
        .Attribute("topic", required: true)
        .Boolean("ignore-error", defaultValue: "false")
        .Attribute("response-variable-name")
        .Integer("timeout")
        .Enumeration("template", ["liquid"])
        .Attribute("content-type")
        .Text(TextContent.OptionalValue)
        .Build(),
    "Publishes a message to a Dapr publish/subscribe topic.",
    PolicySections.Inbound | PolicySections.Outbound | PolicySections.OnError,
    PolicyScopes.All);
