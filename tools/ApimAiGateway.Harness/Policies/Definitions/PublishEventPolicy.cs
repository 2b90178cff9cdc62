using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>publish-event (publish-event-policy): used in a resolver's http-response.</summary>
public sealed class PublishEventPolicy() : PolicyDefinition(
    Policy("publish-event")
        .Child(
            Element("targets")
                .Child(Element("graphql-subscription").Attribute("id", required: true).Build(), minOccurs: 1)
                .Build(),
            minOccurs: 1,
            maxOccurs: 1)
        .Build(),
    "Publishes an event to GraphQL subscriptions.",
    PolicySections.All,
    PolicyScopes.GraphQLResolver);
