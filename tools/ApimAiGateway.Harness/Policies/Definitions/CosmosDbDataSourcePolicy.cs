using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>
/// cosmosdb-data-source (cosmosdb-data-source-policy): the root of a GraphQL resolver policy for Cosmos DB. One of
/// the request kinds is used; their inner schema is not modelled and accepted as is.
/// </summary>
public sealed class CosmosDbDataSourcePolicy() : PolicyDefinition(
    Policy("cosmosdb-data-source")
        .Child(Element("connection-info").AnyXml().Build(), minOccurs: 1, maxOccurs: 1)
        .Child(Element("query-request").AnyXml().Build(), maxOccurs: 1)
        .Child(Element("read-request").AnyXml().Build(), maxOccurs: 1)
        .Child(Element("delete-request").AnyXml().Build(), maxOccurs: 1)
        .Child(Element("write-request").AnyXml().Build(), maxOccurs: 1)
        .Child(Element("response").AnyXml().Build(), maxOccurs: 1)
        .Build(),
    "Resolves a GraphQL field with an Azure Cosmos DB request.",
    PolicySections.All,
    PolicyScopes.GraphQLResolver);
