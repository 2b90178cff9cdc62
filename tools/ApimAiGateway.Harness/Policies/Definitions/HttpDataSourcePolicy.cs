using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>
/// http-data-source (http-data-source-policy): the root of a GraphQL resolver policy. Its request, backend and
/// response parts hold ordinary policies (set-method, set-header, forward-request, publish-event, ...).
/// </summary>
public sealed class HttpDataSourcePolicy() : PolicyDefinition(
    Spec,
    "Resolves a GraphQL field with an HTTP request and optional response transformation.",
    // A resolver document has no sections; the policy is its root.
    PolicySections.All,
    PolicyScopes.GraphQLResolver)
{
    /// <summary>Also the child of the retired set-graphql-resolver policy.</summary>
    public static ElementSpec Spec { get; } = Policy("http-data-source")
        .Child(Element("http-request").Policies().Child(SharedElements.SetUrl, maxOccurs: 1).Build(), minOccurs: 1, maxOccurs: 1)
        .Child(Element("backend").Policies().Build(), maxOccurs: 1)
        .Child(Element("http-response").Policies().Build(), maxOccurs: 1)
        .Build();
}
