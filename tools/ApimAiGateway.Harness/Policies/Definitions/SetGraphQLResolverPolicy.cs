using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>
/// set-graphql-resolver (set-graphql-resolver-policy, retired in favour of resolver entities). Still accepted so
/// that older published policies lint; the page limited it to the backend section.
/// </summary>
public sealed class SetGraphQLResolverPolicy() : PolicyDefinition(
    Policy("set-graphql-resolver")
        .Attribute("parent-type", required: true)
        .Attribute("field", required: true)
        .Child(HttpDataSourcePolicy.Spec, minOccurs: 1, maxOccurs: 1)
        .Build(),
    "Resolves a GraphQL field with an HTTP data source (retired).",
    PolicySections.Backend,
    PolicyScopes.All);
