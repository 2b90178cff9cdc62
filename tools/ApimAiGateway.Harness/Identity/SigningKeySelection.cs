using Microsoft.IdentityModel.Tokens;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// Which configured keys may verify a token. validate-jwt-policy: a key's <c>id</c> is matched against the token's
/// <c>kid</c>, and keys are tried until one works. A token naming a kid is verified by the key with that id, or by
/// keys that carry no id at all; a key published under another id is never tried, so a wrong kid fails as
/// TokenSignatureKeyNotFound rather than being verified by whatever key happens to fit.
/// </summary>
internal static class SigningKeySelection
{
    public static IReadOnlyList<SecurityKey> For(string? keyId, IReadOnlyList<SecurityKey> keys)
    {
        if (string.IsNullOrEmpty(keyId))
        {
            return keys;
        }

        var byId = keys.Where(k => k.KeyId == keyId).ToList();
        return byId.Count > 0 ? byId : [.. keys.Where(k => string.IsNullOrEmpty(k.KeyId))];
    }

    public static bool Knows(string? keyId, IEnumerable<SecurityKey> keys) =>
        string.IsNullOrEmpty(keyId) || keys.Any(k => k.KeyId == keyId);
}
