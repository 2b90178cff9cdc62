using ApimAiGateway.Harness.NamedValues;

namespace ApimAiGateway.Hosting.Identity;

/// <summary>
/// What a local caller's access token must carry for the repository's caller-identity fragment to accept it: the
/// tenant, audience and roles come from the same named values the fragment checks, so the served gateway validates
/// tokens exactly as it would in Azure, only against the simulated Entra ID's signing key.
/// </summary>
public sealed record LocalCallerProfile(string TenantId, string Audience, IReadOnlyList<string> Roles, IReadOnlyDictionary<string, string> Claims)
{
    /// <summary>The department every local caller is charged to (the claim caller-identity-department-claim names).</summary>
    public const string LocalDepartment = "local-development";

    /// <summary>
    /// The profile the repository's named values describe; null when they do not name a tenant and an audience, i.e.
    /// when the served policies validate no Entra ID token and local callers need none.
    /// </summary>
    public static LocalCallerProfile? From(NamedValueSet? namedValues)
    {
        if (Plain(namedValues, "entra-tenant-id") is not { } tenant || Plain(namedValues, "caller-identity-audience") is not { } audience)
        {
            return null;
        }

        var roles = (Plain(namedValues, "caller-identity-required-roles") ?? string.Empty)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var claims = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Plain(namedValues, "caller-identity-department-claim") is { } departmentClaim)
        {
            claims[departmentClaim] = LocalDepartment;
        }

        return new LocalCallerProfile(tenant, audience, roles, claims);
    }

    private static string? Plain(NamedValueSet? namedValues, string name) =>
        namedValues is not null && namedValues.TryGet(name, out var value) && !value.IsSecret && !string.IsNullOrWhiteSpace(value.Value) ? value.Value : null;
}
