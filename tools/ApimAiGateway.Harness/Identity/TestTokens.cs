using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// Mints JWTs for tests: signed (RS*, PS*, HS*), unsigned (<c>alg: none</c>), encrypted (JWE with a direct
/// symmetric key), and tampered (a payload claim changed under the original signature).
/// </summary>
public static class TestTokens
{
    public static string Rs256(TestTokenDescriptor descriptor, TestSigningKey key) => Sign(descriptor, key, "RS256");

    public static string Ps256(TestTokenDescriptor descriptor, TestSigningKey key) => Sign(descriptor, key, "PS256");

    public static string Hs256(TestTokenDescriptor descriptor, TestSigningKey key) => Sign(descriptor, key, "HS256");

    /// <summary>A JWS in compact form signed with <paramref name="algorithm"/> (RS256/384/512, PS256/384/512, HS256/384/512).</summary>
    public static string Sign(TestTokenDescriptor descriptor, TestSigningKey key, string algorithm)
    {
        var signingInput = Header(algorithm, descriptor.KeyId ?? key.KeyId) + "." + Payload(descriptor);
        return signingInput + "." + Base64UrlEncoder.Encode(key.Sign(algorithm, Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>An unsecured JWT (RFC 7519 §6): <c>alg: none</c> and an empty signature.</summary>
    public static string Unsigned(TestTokenDescriptor descriptor) =>
        Header("none", descriptor.KeyId) + "." + Payload(descriptor) + ".";

    /// <summary>The token with one payload claim set to <paramref name="value"/>, header and signature kept as they were.</summary>
    public static string Tamper(string token, string claim, object value)
    {
        var parts = token.Split('.');
        if (parts.Length != 3)
        {
            throw new ArgumentException("Only a signed or unsigned JWS (three parts) can be tampered with.", nameof(token));
        }

        var payload = JObject.Parse(Base64UrlEncoder.Decode(parts[1]));
        payload[claim] = JToken.FromObject(value);
        return parts[0] + "." + Encode(payload) + "." + parts[2];
    }

    /// <summary>
    /// The token wrapped in a JWE (RFC 7516) with <c>alg: dir</c>: the symmetric key is the content key, so it must be
    /// as long as <paramref name="encryption"/> needs (32 bytes for A128CBC-HS256, 64 for A256CBC-HS512).
    /// </summary>
    public static string Encrypt(string token, TestSigningKey key, string encryption = SecurityAlgorithms.Aes128CbcHmacSha256)
    {
        var contentKey = new SymmetricSecurityKey(Convert.FromBase64String(key.Base64)) { KeyId = key.KeyId };
        return new JsonWebTokenHandler().EncryptToken(token, new EncryptingCredentials(contentKey, "dir", encryption));
    }

    private static string Header(string algorithm, string? keyId)
    {
        var header = new JObject { ["alg"] = algorithm, ["typ"] = "JWT" };
        if (keyId is not null)
        {
            header["kid"] = keyId;
        }

        return Encode(header);
    }

    private static string Payload(TestTokenDescriptor descriptor)
    {
        var payload = new JObject();
        Add(payload, "iss", descriptor.Issuer);
        Add(payload, "sub", descriptor.Subject);
        if (descriptor.Audiences.Count > 0)
        {
            payload["aud"] = descriptor.Audiences.Count == 1 ? descriptor.Audiences[0] : new JArray(descriptor.Audiences.Cast<object>().ToArray());
        }

        Add(payload, "iat", descriptor.IssuedAt?.ToUnixTimeSeconds());
        Add(payload, "nbf", descriptor.NotBefore?.ToUnixTimeSeconds());
        Add(payload, "exp", descriptor.Expires?.ToUnixTimeSeconds());
        foreach (var (name, value) in descriptor.Claims)
        {
            payload[name] = JToken.FromObject(value);
        }

        return Encode(payload);
    }

    private static void Add(JObject payload, string name, object? value)
    {
        if (value is not null)
        {
            payload[name] = JToken.FromObject(value);
        }
    }

    private static string Encode(JObject json) => Base64UrlEncoder.Encode(json.ToString(Formatting.None));
}
