using Microsoft.IdentityModel.Tokens;

namespace ApimAiGateway.Harness.Identity;

/// <summary>What a token must satisfy, with every policy expression already evaluated for the request at hand.</summary>
public sealed record JwtValidationRules
{
    public bool RequireExpirationTime { get; init; } = true;

    public bool RequireSignedTokens { get; init; } = true;

    public TimeSpan ClockSkew { get; init; }

    /// <summary>Any one must match the token's <c>aud</c>; empty accepts every audience.</summary>
    public IReadOnlyList<string> Audiences { get; init; } = [];

    /// <summary>Any one must match the token's <c>iss</c>; empty accepts every issuer.</summary>
    public IReadOnlyList<string> Issuers { get; init; } = [];

    public IReadOnlyList<SecurityKey> SigningKeys { get; init; } = [];

    public IReadOnlyList<SecurityKey> DecryptionKeys { get; init; } = [];

    public IReadOnlyList<RequiredClaim> RequiredClaims { get; init; } = [];
}
