using System.Security.Cryptography;
using ApimAiGateway.Harness.Execution;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;
using Microsoft.IdentityModel.Tokens;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// A <c>&lt;key&gt;</c> of validate-jwt's issuer-signing-keys or decryption-keys: Base64 symmetric key text, an RSA
/// modulus <c>n</c> with exponent <c>e</c>, or a <c>certificate-id</c>. The gateway's certificate store is not
/// simulated, so a certificate key is left out with a note in the trace; so is a key whose material does not decode.
/// </summary>
internal sealed class BoundKey
{
    private readonly BoundValue<string?> _id;
    private readonly BoundValue<string?> _value;
    private readonly string? _certificateId;
    private readonly string? _modulus;
    private readonly string? _exponent;

    private BoundKey(BoundValue<string?> id, BoundValue<string?> value, string? certificateId, string? modulus, string? exponent)
    {
        _id = id;
        _value = value;
        _certificateId = certificateId;
        _modulus = modulus;
        _exponent = exponent;
    }

    public static IReadOnlyList<BoundKey> BindAll(PolicyElement policy, string container, PolicyBinder binder) =>
        [.. policy.ElementsNamed(container).SelectMany(c => c.ElementsNamed("key")).Select(key => new BoundKey(
            binder.Attribute<string?>(key, "id", null),
            binder.Text<string?>(key, null),
            key.Attribute("certificate-id")?.Value.Text.Text,
            key.Attribute("n")?.Value.Text.Text,
            key.Attribute("e")?.Value.Text.Text))];

    public static IReadOnlyList<SecurityKey> ResolveAll(IEnumerable<BoundKey> keys, PolicyExecutionContext context) =>
        [.. keys.Select(k => k.Resolve(context)).OfType<SecurityKey>()];

    private SecurityKey? Resolve(PolicyExecutionContext context)
    {
        var id = _id.Evaluate(context);
        if (_certificateId is not null)
        {
            context.Note($"key certificate-id '{_certificateId}' left out: the gateway's certificates are not emulated");
            return null;
        }

        try
        {
            SecurityKey key = _modulus is not null && _exponent is not null
                ? new RsaSecurityKey(new RSAParameters { Modulus = Base64Url(_modulus), Exponent = Base64Url(_exponent) })
                : new SymmetricSecurityKey(Convert.FromBase64String(_value.Evaluate(context) ?? string.Empty));
            key.KeyId = id;
            return key;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            context.Note($"key '{id}' left out: its material does not decode ({e.Message})");
            return null;
        }
    }

    // n and e are Base64url in JWKs; Base64 with padding is accepted too, as people copy them from either form.
    private static byte[] Base64Url(string text) =>
        Base64UrlEncoder.DecodeBytes(text.Trim().TrimEnd('=').Replace('+', '-').Replace('/', '_'));
}
