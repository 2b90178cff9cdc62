using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// Key material for minting test tokens and for the simulated identity providers: an RSA key pair (RS*, PS*) or a
/// symmetric secret (HS*, and <c>dir</c> token encryption). Publishes what a policy needs to trust it: the Base64
/// secret for an inline <c>&lt;key&gt;</c>, the modulus and exponent for <c>&lt;key n e&gt;</c>, a JWK for a JWKS.
/// </summary>
public sealed class TestSigningKey
{
    private readonly RSA? _rsa;
    private readonly byte[]? _secret;

    private TestSigningKey(string? keyId, RSA? rsa, byte[]? secret)
    {
        KeyId = keyId;
        _rsa = rsa;
        _secret = secret;
    }

    /// <summary>The <c>kid</c> tokens signed with this key carry; null for none.</summary>
    public string? KeyId { get; }

    public bool IsSymmetric => _secret is not null;

    /// <summary>The symmetric secret as an inline validate-jwt key takes it.</summary>
    public string Base64 => Convert.ToBase64String(Secret);

    /// <summary>The RSA modulus, Base64url, for <c>&lt;key n="..."&gt;</c> and the JWK.</summary>
    public string Modulus => Base64UrlEncoder.Encode(RsaParameters.Modulus);

    /// <summary>The RSA public exponent, Base64url, for <c>&lt;key e="..."&gt;</c> and the JWK.</summary>
    public string Exponent => Base64UrlEncoder.Encode(RsaParameters.Exponent);

    public static TestSigningKey Rsa(string? keyId = null) => new(keyId, RSA.Create(2048), null);

    /// <summary>A symmetric key; 64 random bytes unless given, enough for HS512 and A256CBC-HS512.</summary>
    public static TestSigningKey Symmetric(string? keyId = null, byte[]? secret = null) =>
        new(keyId, null, secret ?? RandomNumberGenerator.GetBytes(64));

    /// <summary>The public JWK of an RSA key (symmetric keys are never published).</summary>
    public JObject ToJwk()
    {
        var jwk = new JObject { ["kty"] = "RSA", ["use"] = "sig", ["n"] = Modulus, ["e"] = Exponent };
        if (KeyId is not null)
        {
            jwk["kid"] = KeyId;
        }

        return jwk;
    }

    /// <summary>A JWKS document of the given keys' public parts.</summary>
    public static JObject KeySet(IEnumerable<TestSigningKey> keys) =>
        new() { ["keys"] = new JArray(keys.Where(k => !k.IsSymmetric).Select(k => (object)k.ToJwk()).ToArray()) };

    internal SecurityKey ToSecurityKey() => _secret is not null
        ? new SymmetricSecurityKey(_secret) { KeyId = KeyId }
        : new RsaSecurityKey(_rsa!.ExportParameters(false)) { KeyId = KeyId };

    internal byte[] Sign(string algorithm, byte[] data) => algorithm switch
    {
        "HS256" => HMACSHA256.HashData(Secret, data),
        "HS384" => HMACSHA384.HashData(Secret, data),
        "HS512" => HMACSHA512.HashData(Secret, data),
        "RS256" or "RS384" or "RS512" => Pair.SignData(data, HashOf(algorithm), RSASignaturePadding.Pkcs1),
        "PS256" or "PS384" or "PS512" => Pair.SignData(data, HashOf(algorithm), RSASignaturePadding.Pss),
        _ => throw new ArgumentException($"Test tokens are signed with RS*, PS* or HS*; '{algorithm}' is not one of them.", nameof(algorithm)),
    };

    private static HashAlgorithmName HashOf(string algorithm) => algorithm[2..] switch
    {
        "256" => HashAlgorithmName.SHA256,
        "384" => HashAlgorithmName.SHA384,
        _ => HashAlgorithmName.SHA512,
    };

    private byte[] Secret => _secret ?? throw new InvalidOperationException("This is an RSA key; HS* and Base64 need a symmetric key.");

    private RSA Pair => _rsa ?? throw new InvalidOperationException("This is a symmetric key; RS* and PS* need an RSA key.");

    private RSAParameters RsaParameters => Pair.ExportParameters(false);
}
