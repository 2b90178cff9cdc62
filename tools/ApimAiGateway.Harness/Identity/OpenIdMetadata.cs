using Microsoft.IdentityModel.Tokens;

namespace ApimAiGateway.Harness.Identity;

/// <summary>What an OpenID provider's configuration and JWKS told the gateway, and when it was fetched.</summary>
public sealed record OpenIdMetadata(string? Issuer, IReadOnlyList<SecurityKey> SigningKeys, DateTimeOffset FetchedAt);
