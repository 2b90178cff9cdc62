using ApimAiGateway.Harness.Services;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Identity;

/// <summary>The documents simulated OpenID providers serve: a discovery document (OpenID Connect Discovery 1.0 §3) and a JWKS.</summary>
internal static class OpenIdDocuments
{
    public const string ConfigurationPath = "/.well-known/openid-configuration";

    public static ServiceResponse Configuration(string issuer, string jwksUri, string? tokenEndpoint = null)
    {
        var document = new JObject
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = jwksUri,
            ["response_types_supported"] = new JArray("code", "id_token", "token id_token"),
            ["subject_types_supported"] = new JArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JArray("RS256"),
        };
        if (tokenEndpoint is not null)
        {
            document["token_endpoint"] = tokenEndpoint;
        }

        return ServiceResponse.Json(document);
    }

    public static ServiceResponse KeySet(IEnumerable<TestSigningKey> keys) => ServiceResponse.Json(TestSigningKey.KeySet(keys));
}
