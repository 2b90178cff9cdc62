using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>Resolver arguments and parent; empty outside GraphQL resolvers.</summary>
public sealed record GraphQLContext : IGraphQL
{
    public JObject Arguments { get; init; } = [];

    public JObject? Parent { get; init; }
}
