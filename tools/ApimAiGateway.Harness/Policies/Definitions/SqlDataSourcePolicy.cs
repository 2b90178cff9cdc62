using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>
/// sql-data-source (sql-data-source-policy): the root of a GraphQL resolver policy for Azure SQL. The inner schema
/// (connection string, SQL statement, parameters, response transformation) is not modelled and accepted as is.
/// </summary>
public sealed class SqlDataSourcePolicy() : PolicyDefinition(
    Policy("sql-data-source")
        .Child(Element("connection-info").AnyXml().Build(), minOccurs: 1, maxOccurs: 1)
        .Child(IncludeFragmentPolicy.Spec)
        .Child(Element("request").Boolean("single-result", defaultValue: "false").AnyXml().Build(), minOccurs: 1, maxOccurs: 1)
        .Child(Element("response").AnyXml().Build(), maxOccurs: 1)
        .Build(),
    "Resolves a GraphQL field with an Azure SQL request.",
    PolicySections.All,
    PolicyScopes.GraphQLResolver);
