using System.Collections.Concurrent;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// Microsoft Entra ID on the simulated network (login.microsoftonline.com) for any tenant: the v2.0 and v1 discovery
/// documents and JWKS that validate-azure-ad-token reads, tokens for tests (<see cref="IssueToken"/>), and the
/// tokens of the gateway's managed identities, handed out by <see cref="SimulatedManagedIdentityEndpoint"/>.
/// Every tenant accepts every request; the tenant given (id or domain) is used verbatim in issuers, where real Entra
/// ID would put the tenant's id.
/// </summary>
public sealed class SimulatedEntraId : IServiceHandler
{
    public const string Host = "login.microsoftonline.com";

    /// <summary>The tenant of the gateway's managed identities.</summary>
    public const string DefaultTenantId = "11111111-1111-1111-1111-111111111111";

    /// <summary>The client id of the gateway's system-assigned identity.</summary>
    public const string SystemAssignedClientId = "22222222-2222-2222-2222-222222222222";

    /// <summary>Managed identity tokens last a day, as Azure's do (expires_in about 86400).</summary>
    public static readonly TimeSpan ManagedIdentityTokenLifetime = TimeSpan.FromHours(24);

    // Generating an RSA key is slow; every simulated Entra ID shares one unless a test brings its own.
    private static readonly Lazy<TestSigningKey> SharedKey = new(() => TestSigningKey.Rsa("simulated-entra-key-1"));

    private readonly ConcurrentDictionary<string, bool> _userAssignedClientIds = new(StringComparer.OrdinalIgnoreCase);

    public SimulatedEntraId(TimeProvider clock, TestSigningKey? signingKey = null)
    {
        Clock = clock;
        SigningKey = signingKey ?? SharedKey.Value;
    }

    public TimeProvider Clock { get; }

    public TestSigningKey SigningKey { get; }

    public static string IssuerV2(string tenant) => $"https://{Host}/{tenant}/v2.0";

    public static string IssuerV1(string tenant) => $"https://sts.windows.net/{tenant}/";

    public static Uri ConfigurationUrl(string tenant) => new($"https://{Host}/{tenant}/v2.0{OpenIdDocuments.ConfigurationPath}");

    /// <summary>Serves Entra ID and the managed identity endpoint on <paramref name="network"/>.</summary>
    public ServiceRegistry MapOn(ServiceRegistry network) =>
        network.Map(Host, this).Map(ManagedIdentityTokens.EndpointHost, new SimulatedManagedIdentityEndpoint(this));

    /// <summary>Gives the gateway a user-assigned identity; the managed identity endpoint refuses unknown client ids.</summary>
    public SimulatedEntraId WithUserAssignedIdentity(string clientId)
    {
        _userAssignedClientIds[clientId] = true;
        return this;
    }

    public bool HasIdentity(string? clientId) => clientId is null || _userAssignedClientIds.ContainsKey(clientId);

    /// <summary>
    /// An RS256 access token as Entra ID issues it: v2.0 tokens name the client in <c>azp</c>, v1 tokens in
    /// <c>appid</c> and come from the sts.windows.net issuer. Valid from now on the simulation's clock.
    /// </summary>
    public string IssueToken(string audience, string clientApplicationId, string tenant = DefaultTenantId, TimeSpan? lifetime = null,
        bool version1 = false, IReadOnlyDictionary<string, object>? claims = null)
    {
        var descriptor = TestTokenDescriptor.ValidFor(Clock.GetUtcNow(), lifetime ?? TimeSpan.FromHours(1)) with
        {
            Issuer = version1 ? IssuerV1(tenant) : IssuerV2(tenant),
            Audiences = [audience],
            Subject = clientApplicationId,
        };
        descriptor = descriptor.WithClaim(version1 ? "appid" : "azp", clientApplicationId).WithClaim("tid", tenant).WithClaim("ver", version1 ? "1.0" : "2.0");
        foreach (var (name, value) in claims ?? new Dictionary<string, object>())
        {
            descriptor = descriptor.WithClaim(name, value);
        }

        return TestTokens.Rs256(descriptor, SigningKey);
    }

    /// <summary>A managed identity's token for <paramref name="resource"/>, as the identity endpoint returns it (v1 shape).</summary>
    public string IssueManagedIdentityToken(string resource, string? clientId) =>
        IssueToken(resource, clientId ?? SystemAssignedClientId, DefaultTenantId, ManagedIdentityTokenLifetime, version1: true,
            new Dictionary<string, object> { ["idtyp"] = "app", ["oid"] = clientId ?? SystemAssignedClientId });

    public ValueTask<ServiceOutcome> HandleAsync(ServiceRequest request, ServiceCallContext context, CancellationToken cancellationToken)
    {
        var segments = request.Uri.AbsolutePath.Trim('/').Split('/', 2);
        var tenant = segments[0];
        ServiceResponse response = (segments.Length == 2 ? "/" + segments[1] : string.Empty) switch
        {
            "/v2.0" + OpenIdDocuments.ConfigurationPath => OpenIdDocuments.Configuration(IssuerV2(tenant), $"https://{Host}/{tenant}/discovery/v2.0/keys", $"https://{Host}/{tenant}/oauth2/v2.0/token"),
            OpenIdDocuments.ConfigurationPath => OpenIdDocuments.Configuration(IssuerV1(tenant), $"https://{Host}/{tenant}/discovery/keys", $"https://{Host}/{tenant}/oauth2/token"),
            "/discovery/v2.0/keys" or "/discovery/keys" => OpenIdDocuments.KeySet([SigningKey]),
            _ => ServiceResponse.Status(404),
        };
        return ValueTask.FromResult<ServiceOutcome>(response);
    }
}
