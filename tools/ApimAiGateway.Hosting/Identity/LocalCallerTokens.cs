using ApimAiGateway.Harness.Identity;
using ApimAiGateway.Hosting.Subscriptions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Hosting.Identity;

/// <summary>
/// One access token per local subscription, signed by the served gateway's simulated Entra ID, written beside the
/// subscriptions file (git-ignored) so a developer can call a gateway that validates tokens. The simulated signing
/// key lives only as long as the process, so the file is written anew on every start; the tokens open nothing else.
/// </summary>
public static class LocalCallerTokens
{
    /// <summary>The tokens file, relative to the subscriptions file's directory.</summary>
    public const string FileName = "tokens.local.json";

    /// <summary>How long a local token stays valid: a working day, without a refresh flow.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    public static IReadOnlyDictionary<string, string> Issue(SimulatedEntraId entraId, LocalCallerProfile profile, IReadOnlyList<LocalSubscription> subscriptions) =>
        subscriptions.ToDictionary(s => s.Id, s => entraId.IssueToken(profile.Audience, CallerId(s), profile.TenantId, Lifetime, claims: Claims(profile, s)), StringComparer.Ordinal);

    /// <summary>The object id a subscription's local caller presents, as caller-id shows it in logs and usage records.</summary>
    public static string CallerId(LocalSubscription subscription) => $"local-{subscription.Id}";

    /// <returns>Null when written, else why the file could not be written.</returns>
    public static string? Write(string path, IReadOnlyDictionary<string, string> tokens)
    {
        var document = new JObject
        {
            ["$comment"] = "Access tokens for the local callers of apim-policy serve, by subscription, signed by its simulated Entra ID: send one as 'Authorization: Bearer <token>'. Written anew on every start; never commit this file.",
            ["tokens"] = new JObject(tokens.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new JProperty(t.Key, t.Value))),
        };
        try
        {
            File.WriteAllText(path, document.ToString(Formatting.Indented) + "\n");
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"The local caller tokens could not be written to '{path}': {e.Message}";
        }
    }

    private static Dictionary<string, object> Claims(LocalCallerProfile profile, LocalSubscription subscription)
    {
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { ["oid"] = CallerId(subscription) };
        if (profile.Roles.Count > 0)
        {
            claims["roles"] = profile.Roles.ToArray();
        }

        foreach (var (name, value) in profile.Claims)
        {
            claims[name] = value;
        }

        return claims;
    }
}
