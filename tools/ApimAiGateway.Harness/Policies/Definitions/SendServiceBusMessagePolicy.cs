using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>
/// send-service-bus-message (send-service-bus-message-policy, preview). The page documents queue-name, topic-name,
/// namespace and client-id; the remaining attributes are from the policy toolkit's configuration and are accepted.
/// </summary>
public sealed class SendServiceBusMessagePolicy() : PolicyDefinition(
    Policy("send-service-bus-message")
        .Attribute("queue-name")
        .Attribute("topic-name")
        .Attribute("namespace")
        .Attribute("client-id")
        .Attribute("message-id")
        .Attribute("session-id")
        .Attribute("time-to-live", AttributeValueType.TimeSpan, expressions: false)
        .Attribute("response-variable-name", expressions: false)
        .Boolean("ignore-error", expressions: false, defaultValue: "false")
        .Rule(AttributeRuleKind.ExactlyOneOf, "queue-name", "topic-name")
        .Child(
            Element("message-properties")
                .Child(Element("message-property")
                    .Attribute("name", required: true, expressions: false)
                    .Text(TextContent.RequiredValue)
                    .Build())
                .Build(),
            maxOccurs: 1)
        .Child(Element("payload").Text(TextContent.RequiredValue).Build(), minOccurs: 1, maxOccurs: 1)
        .Build(),
    "Sends a message to an Azure Service Bus queue or topic.",
    PolicySections.All,
    // Not available in workspaces (api-management-howto-send-service-bus).
    PolicyScopes.Global | PolicyScopes.Product | PolicyScopes.Api | PolicyScopes.Operation);
