using System.Collections.Concurrent;
using ApimAiGateway.Harness.Execution;
using ApimAiGateway.Harness.Services;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// A gateway's OpenID provider metadata by configuration URL (apim-reference §4.26): the configuration document and
/// its JWKS are fetched over the simulated network (so the calls are recorded), kept for an hour on the gateway's
/// clock, and fetched again early when a token names a key the cached set lacks, but at most once every five
/// minutes so a flood of tokens with a bogus kid cannot hammer the provider.
/// </summary>
internal sealed class OpenIdMetadataCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static readonly TimeSpan UnknownKeyRefetchInterval = TimeSpan.FromMinutes(5);

    // APIM does not document the timeout of metadata requests; a generous one keeps slow simulated providers usable.
    private static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public async ValueTask<OpenIdMetadata?> GetAsync(PolicyExecutionContext context, string policy, string url, string? keyId)
    {
        var now = context.Clock.GetUtcNow();
        var entry = _entries.GetValueOrDefault(url);
        if (entry?.Metadata is { } cached && !NeedsRefetch(entry, cached, keyId, now))
        {
            return cached;
        }

        var fetched = await FetchAsync(context, policy, url).ConfigureAwait(false);
        var metadata = fetched ?? entry?.Metadata;
        _entries[url] = new Entry(metadata, now);
        return metadata;
    }

    private static bool NeedsRefetch(Entry entry, OpenIdMetadata cached, string? keyId, DateTimeOffset now) =>
        now - cached.FetchedAt >= Lifetime
        || (!SigningKeySelection.Knows(keyId, cached.SigningKeys) && now - entry.LastAttempt >= UnknownKeyRefetchInterval);

    private static async ValueTask<OpenIdMetadata?> FetchAsync(PolicyExecutionContext context, string policy, string url)
    {
        if (await GetJsonAsync(context, policy, url).ConfigureAwait(false) is not JObject configuration)
        {
            return null;
        }

        var jwksUrl = (string?)configuration["jwks_uri"];
        if (jwksUrl is null || await GetJsonAsync(context, policy, jwksUrl).ConfigureAwait(false) is not JObject jwks)
        {
            context.Note($"OpenID configuration {url} names no readable jwks_uri");
            return null;
        }

        try
        {
            var keys = new JsonWebKeySet(jwks.ToString(Formatting.None)).GetSigningKeys();
            context.Note($"OpenID configuration {url}: {keys.Count} signing key(s)");
            return new OpenIdMetadata((string?)configuration["issuer"], [.. keys], context.Clock.GetUtcNow());
        }
        catch (ArgumentException e)
        {
            context.Note($"JWKS {jwksUrl} is not a key set: {e.Message}");
            return null;
        }
    }

    private static async ValueTask<JToken?> GetJsonAsync(PolicyExecutionContext context, string policy, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            context.Note($"'{url}' is not an absolute URL");
            return null;
        }

        var outcome = await context.SendAsync(policy, new ServiceRequest("GET", uri), FetchTimeout).ConfigureAwait(false);
        if (!outcome.IsResponse || outcome.Response.StatusCode != 200)
        {
            context.Note($"GET {url} failed: {outcome}");
            return null;
        }

        try
        {
            return JToken.Parse(outcome.Response.BodyText);
        }
        catch (JsonReaderException e)
        {
            context.Note($"GET {url} did not return JSON: {e.Message}");
            return null;
        }
    }

    private sealed record Entry(OpenIdMetadata? Metadata, DateTimeOffset LastAttempt);
}
