namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// A <c>&lt;required-claims&gt;&lt;claim&gt;</c> (validate-jwt-policy): the claim must be present and, when values are
/// listed, carry all of them (<c>match="all"</c>, the default) or at least one (<c>match="any"</c>). With a
/// <c>separator</c> a single string claim holds several values (e.g. a space-separated <c>scp</c>).
/// </summary>
public sealed record RequiredClaim(string Name, IReadOnlyList<string> Values, bool MatchAny = false, string? Separator = null)
{
    /// <summary>The token's values of this claim, split by the separator; empty when the token lacks the claim.</summary>
    public IReadOnlyList<string> ValuesIn(IReadOnlyDictionary<string, IReadOnlyList<string>> claims) =>
        !claims.TryGetValue(Name, out var values)
            ? []
            : string.IsNullOrEmpty(Separator)
                ? values
                : [.. values.SelectMany(v => v.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    public bool IsSatisfiedBy(IReadOnlyList<string> tokenValues) =>
        Values.Count == 0
        || (MatchAny ? Values.Any(tokenValues.Contains) : Values.All(tokenValues.Contains));

    /// <summary>
    /// Checks every required claim: first that all are present (one failure names every missing claim), then their
    /// values; null when the token satisfies them all.
    /// </summary>
    public static JwtValidationFailure? Check(IReadOnlyList<RequiredClaim> required, IReadOnlyDictionary<string, IReadOnlyList<string>> claims)
    {
        var missing = required.Where(c => !claims.ContainsKey(c.Name)).Select(c => c.Name).ToList();
        if (missing.Count > 0)
        {
            return JwtValidationFailure.ClaimsMissing(missing);
        }

        foreach (var claim in required)
        {
            var values = claim.ValuesIn(claims);
            if (!claim.IsSatisfiedBy(values))
            {
                return JwtValidationFailure.ClaimValueNotAllowed(claim.Name, string.Join(claim.Separator ?? ",", values));
            }
        }

        return null;
    }
}
