using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Context;

/// <summary>
/// <c>context.GraphQL</c>, meaningful only inside GraphQL resolvers. The docs type both members as
/// <c>IGraphQLDataObject</c> ("TBD"); resolver examples index them (<c>context.GraphQL.Arguments["id"]</c>) and
/// print them, so they are JSON objects here.
/// </summary>
public interface IGraphQL
{
    /// <summary>Arguments of the field being resolved (name used by the resolver policy examples).</summary>
    JObject Arguments { get; }

    /// <summary>Object the field belongs to; null for root fields.</summary>
    JObject? Parent { get; }

    /// <summary>Spelling used by the context variable table of "API Management policy expressions".</summary>
    JObject GraphQLArguments => Arguments;
}
