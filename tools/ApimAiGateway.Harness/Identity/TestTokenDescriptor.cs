namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// What a test token says: registered claims, any other claims, and its lifetime. Times are explicit so a test mints
/// tokens on the gateway's virtual clock; a null time leaves the claim out (a token without <c>exp</c>).
/// </summary>
public sealed record TestTokenDescriptor
{
    public string? Issuer { get; init; }

    public IReadOnlyList<string> Audiences { get; init; } = [];

    public string? Subject { get; init; }

    public DateTimeOffset? IssuedAt { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? Expires { get; init; }

    /// <summary>Further payload claims; a value may be a string, a number, a bool or an array of them.</summary>
    public IReadOnlyDictionary<string, object> Claims { get; init; } = new Dictionary<string, object>();

    /// <summary>The header <c>kid</c>; null takes the signing key's id. Set it to sign under a kid nobody publishes.</summary>
    public string? KeyId { get; init; }

    /// <summary>A token issued at <paramref name="now"/>, valid from then for <paramref name="lifetime"/>.</summary>
    public static TestTokenDescriptor ValidFor(DateTimeOffset now, TimeSpan lifetime) =>
        new() { IssuedAt = now, NotBefore = now, Expires = now + lifetime };

    public TestTokenDescriptor WithClaim(string name, object value) =>
        this with { Claims = new Dictionary<string, object>(Claims) { [name] = value } };
}
