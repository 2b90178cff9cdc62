using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ApimAiGateway.Harness.Execution;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// What a gateway remembers about identity between requests: OpenID provider metadata and managed identity tokens.
/// It hangs off the gateway's <see cref="GatewayServices"/> so that every policy and every request of one gateway
/// shares it, while separate gateways (separate tests) never see each other's caches.
/// </summary>
internal sealed class GatewayIdentityState
{
    private static readonly ConditionalWeakTable<GatewayServices, GatewayIdentityState> States = new();

    public OpenIdMetadataCache OpenIdMetadata { get; } = new();

    /// <summary>Managed identity tokens by (resource, client id); the system-assigned identity has an empty client id.</summary>
    public ConcurrentDictionary<(string Resource, string ClientId), ManagedIdentityToken> ManagedIdentityTokens { get; } = new();

    public static GatewayIdentityState Of(GatewayServices services) => States.GetValue(services, _ => new GatewayIdentityState());
}
