using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Harness.Gateway.Loading;

/// <summary>
/// Everything a gateway is made of, read once and kept in memory: policy texts per scope, fragments, named values,
/// APIs, products and backends. Each <see cref="CreateBuilder"/> starts a fresh gateway (fresh clock, stores and
/// network), so several scenarios run against one read of the repository without sharing state.
/// </summary>
public sealed record GatewayBlueprint
{
    public IReadOnlyList<PolicySource> Policies { get; init; } = [];

    public IReadOnlyList<FragmentSource> Fragments { get; init; } = [];

    /// <summary>Null leaves <c>{{name}}</c> references as written (docs/named-values.md).</summary>
    public NamedValueSet? NamedValues { get; init; }

    public IReadOnlyList<ApiDefinition> Apis { get; init; } = [];

    public IReadOnlyList<ProductDefinition> Products { get; init; } = [];

    /// <summary>Backends that set-backend-service backend-id can name, by id.</summary>
    public IReadOnlyList<Backends.BackendDefinition> Backends { get; init; } = [];

    public GatewayBuilder CreateBuilder(TimeProvider? clock = null)
    {
        var builder = new GatewayBuilder(clock);
        if (NamedValues is not null)
        {
            builder.WithNamedValues(NamedValues);
        }

        foreach (var policy in Policies)
        {
            _ = policy.Scope switch
            {
                PolicyScopes.Global => builder.WithGlobalPolicy(policy.Text, policy.File),
                PolicyScopes.Product => builder.WithProductPolicy(policy.Product!, policy.Text, policy.File),
                PolicyScopes.Api => builder.WithApiPolicy(policy.Api!, policy.Text, policy.File),
                _ => builder.WithOperationPolicy(policy.Api!, policy.Operation!, policy.Text, policy.File),
            };
        }

        foreach (var fragment in Fragments)
        {
            builder.WithFragment(fragment.Id, fragment.Text, fragment.File);
        }

        foreach (var api in Apis)
        {
            builder.WithApi(api);
        }

        foreach (var product in Products)
        {
            builder.WithProduct(product.Id, [.. product.ApiIds]);
        }

        foreach (var backend in Backends)
        {
            builder.WithBackend(backend);
        }

        return builder;
    }
}
