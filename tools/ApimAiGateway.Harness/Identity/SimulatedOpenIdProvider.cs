using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// An OpenID provider on the simulated network: serves its discovery document at
/// <c>{issuer}/.well-known/openid-configuration</c> and its public keys at <see cref="KeysUrl"/>. Replace
/// <see cref="Keys"/> to rotate keys while a gateway runs.
/// </summary>
public sealed class SimulatedOpenIdProvider : IServiceHandler
{
    private TestSigningKey[] _keys;

    public SimulatedOpenIdProvider(string issuer, params TestSigningKey[] keys)
    {
        Issuer = issuer;
        _keys = keys;
    }

    public string Issuer { get; }

    public Uri ConfigurationUrl => new(Issuer.TrimEnd('/') + OpenIdDocuments.ConfigurationPath);

    public Uri KeysUrl => new(Issuer.TrimEnd('/') + "/.well-known/jwks.json");

    /// <summary>The keys the JWKS publishes (public parts of the RSA keys).</summary>
    public IReadOnlyList<TestSigningKey> Keys
    {
        get => Volatile.Read(ref _keys);
        set => Volatile.Write(ref _keys, [.. value]);
    }

    /// <summary>Serves this provider at the issuer's host.</summary>
    public ServiceRegistry MapOn(ServiceRegistry network) => network.Map(new Uri(Issuer).Host, this);

    public ValueTask<ServiceOutcome> HandleAsync(ServiceRequest request, ServiceCallContext context, CancellationToken cancellationToken)
    {
        var url = request.Uri.GetLeftPart(UriPartial.Path);
        ServiceResponse response = url == ConfigurationUrl.AbsoluteUri
            ? OpenIdDocuments.Configuration(Issuer, KeysUrl.AbsoluteUri)
            : url == KeysUrl.AbsoluteUri
                ? OpenIdDocuments.KeySet(Keys)
                : ServiceResponse.Status(404);
        return ValueTask.FromResult<ServiceOutcome>(response);
    }
}
