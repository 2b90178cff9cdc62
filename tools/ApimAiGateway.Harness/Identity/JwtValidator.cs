using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// Validates a JWT the way validate-jwt does, with Microsoft.IdentityModel: signature, decryption, lifetime with clock
/// skew, audience, issuer, then the required claims. Time is the gateway's clock, never the wall clock, so tests
/// move tokens in and out of validity by advancing the virtual clock.
/// </summary>
public static class JwtValidator
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public static async Task<JwtValidationOutcome> ValidateAsync(string token, JwtValidationRules rules, TimeProvider clock)
    {
        var result = await Handler.ValidateTokenAsync(token, Parameters(rules, clock)).ConfigureAwait(false);
        if (!result.IsValid)
        {
            return JwtValidationOutcome.Refused(JwtValidationFailure.FromLibrary(result.Exception));
        }

        var validated = (JsonWebToken)result.SecurityToken;
        var signed = validated.InnerToken ?? validated;
        return RequiredClaim.Check(rules.RequiredClaims, ClaimsOf(signed)) is { } failure
            ? JwtValidationOutcome.Refused(failure)
            : JwtValidationOutcome.Valid(signed);
    }

    /// <summary>The token's header <c>kid</c>, when it is a readable JWS; null otherwise (and for a JWE).</summary>
    public static string? KeyIdOf(string token) =>
        Handler.CanReadToken(token) && Handler.ReadJsonWebToken(token) is { IsEncrypted: false } jws && !string.IsNullOrEmpty(jws.Kid) ? jws.Kid : null;

    private static TokenValidationParameters Parameters(JwtValidationRules rules, TimeProvider clock) => new()
    {
        ClockSkew = rules.ClockSkew,
        RequireExpirationTime = rules.RequireExpirationTime,
        LifetimeValidator = VirtualClockLifetime.For(clock, rules.RequireExpirationTime, rules.ClockSkew),
        RequireSignedTokens = rules.RequireSignedTokens,
        ValidateLifetime = true,
        ValidateAudience = rules.Audiences.Count > 0,
        ValidAudiences = rules.Audiences,
        ValidateIssuer = rules.Issuers.Count > 0,
        ValidIssuers = rules.Issuers,
        ValidateIssuerSigningKey = false,
        IssuerSigningKeyResolver = (_, _, keyId, _) => SigningKeySelection.For(keyId, rules.SigningKeys),
        TryAllIssuerSigningKeys = false,
        TokenDecryptionKeys = rules.DecryptionKeys,
    };

    private static Dictionary<string, IReadOnlyList<string>> ClaimsOf(JsonWebToken token) =>
        token.Claims.GroupBy(c => c.Type, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(c => c.Value)], StringComparer.Ordinal);
}
