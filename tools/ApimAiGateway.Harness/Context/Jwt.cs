namespace ApimAiGateway.Harness.Context;

/// <summary>
/// A JSON Web Token as returned by <see cref="JwtStringExtensions.AsJwt"/>: parsed, not validated. Times are UTC.
/// </summary>
public sealed class Jwt
{
    internal Jwt(IMultiValueDictionary claims) => Claims = claims;

    public string Algorithm { get; internal init; } = "";

    public IEnumerable<string> Audiences { get; internal init; } = [];

    /// <summary>Every claim of the payload; a claim given as a JSON array has one value per element.</summary>
    public IMultiValueDictionary Claims { get; }

    public DateTime? ExpirationTime { get; internal init; }

    public string Id { get; internal init; } = "";

    public string Issuer { get; internal init; } = "";

    public DateTime? IssuedAt { get; internal init; }

    public DateTime? NotBefore { get; internal init; }

    public string Subject { get; internal init; } = "";

    /// <summary>The <c>typ</c> header.</summary>
    public string Type { get; internal init; } = "";
}
