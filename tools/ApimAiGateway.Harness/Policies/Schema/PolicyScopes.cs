namespace ApimAiGateway.Harness.Policies;

/// <summary>The scopes (levels) a policy definition may be attached to.</summary>
[Flags]
public enum PolicyScopes
{
    None = 0,
    Global = 1,
    Workspace = 2,
    Product = 4,
    Api = 8,
    Operation = 16,

    /// <summary>Every scope of an ordinary policy document (global to operation).</summary>
    All = Global | Workspace | Product | Api | Operation,

    /// <summary>
    /// The policy document of a GraphQL resolver. Deliberately outside <see cref="All"/>: the data-source policies
    /// are only valid there, and ordinary policies are not documented for it
    /// (http-data-source-policy, sql-data-source-policy, cosmosdb-data-source-policy, publish-event-policy "Usage").
    /// </summary>
    GraphQLResolver = 32,
}
