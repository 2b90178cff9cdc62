using ApimAiGateway.Harness.Execution;
using ApimAiGateway.Harness.Services;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// Gets the gateway's managed identity tokens (authentication-managed-identity, and send-request's
/// authentication-managed-identity child). Tokens come from the Azure instance metadata identity endpoint on the
/// simulated network (<see cref="SimulatedManagedIdentityEndpoint"/>), so the request is recorded and a test can
/// make it fail; each token is cached per gateway, resource and identity until it expires (apim-reference §4.28).
/// </summary>
public static class ManagedIdentityTokens
{
    /// <summary>The link-local address of the Azure instance metadata service.</summary>
    public const string EndpointHost = "169.254.169.254";

    public const string TokenPath = "/metadata/identity/oauth2/token";

    // The metadata service answers locally; a short timeout keeps a silent endpoint from stalling the pipeline.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>A token for <paramref name="resource"/>; <paramref name="clientId"/> picks a user-assigned identity.</summary>
    public static async ValueTask<ManagedIdentityTokenResult> AcquireAsync(PolicyExecutionContext context, string policy, string resource, string? clientId)
    {
        var cache = GatewayIdentityState.Of(context.Services).ManagedIdentityTokens;
        var key = (resource, clientId ?? string.Empty);
        if (cache.TryGetValue(key, out var cached) && context.Clock.GetUtcNow() < cached.ExpiresOn)
        {
            context.Note($"managed identity token for '{resource}' from cache, valid until {cached.ExpiresOn:u}");
            return new ManagedIdentityTokenResult(cached, null);
        }

        var outcome = await context.SendAsync(policy, Request(resource, clientId), RequestTimeout).ConfigureAwait(false);
        var result = Read(outcome, resource);
        if (result.Succeeded)
        {
            cache[key] = result.Token;
        }

        return result;
    }

    private static ServiceRequest Request(string resource, string? clientId)
    {
        var query = $"api-version=2018-02-01&resource={Uri.EscapeDataString(resource)}"
                    + (clientId is null ? string.Empty : $"&client_id={Uri.EscapeDataString(clientId)}");
        return new ServiceRequest("GET", new Uri($"http://{EndpointHost}{TokenPath}?{query}"), ServiceHeaders.Empty.With("Metadata", "true"));
    }

    private static ManagedIdentityTokenResult Read(ServiceOutcome outcome, string resource)
    {
        if (!outcome.IsResponse)
        {
            return Failed(resource, outcome.FailureMessage ?? outcome.ToString());
        }

        if (outcome.Response.StatusCode != 200)
        {
            return Failed(resource, $"the identity endpoint answered {outcome.Response.StatusCode}: {outcome.Response.BodyText}");
        }

        try
        {
            var body = JObject.Parse(outcome.Response.BodyText);
            return (string?)body["access_token"] is { } token && long.TryParse((string?)body["expires_on"], out var expiresOn)
                ? new ManagedIdentityTokenResult(new ManagedIdentityToken(token, DateTimeOffset.FromUnixTimeSeconds(expiresOn)), null)
                : Failed(resource, "the identity endpoint's answer has no access_token and expires_on");
        }
        catch (JsonReaderException e)
        {
            return Failed(resource, $"the identity endpoint's answer is not JSON: {e.Message}");
        }
    }

    private static ManagedIdentityTokenResult Failed(string resource, string why) =>
        new(null, $"Could not obtain a managed identity token for resource '{resource}': {why}");
}
