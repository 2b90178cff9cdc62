using System.Text;
using ApimAiGateway.Harness.Identity;
using ApimAiGateway.Harness.Services;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Execution.SemanticCaching;

/// <summary>
/// Embeds a prompt by calling the embeddings backend entity (embeddings-backend-id) with the gateway's
/// system-assigned identity, the only embeddings-backend-auth the policy pages allow. The backend's URL is the
/// embeddings operation itself ("Enable semantic caching for LLM APIs in Azure API Management":
/// https://&lt;resource&gt;.openai.azure.com/openai/deployments/&lt;deployment&gt;/embeddings). Any failure yields no
/// embedding and a reason, because a cache failure must not fail the call.
/// </summary>
internal static class EmbeddingsClient
{
    /// <summary>The audience of Azure OpenAI (Cognitive Services) tokens.</summary>
    public const string Audience = "https://cognitiveservices.azure.com";

    /// <summary>Used when the backend URL carries no api-version; Azure OpenAI requires one on deployment URLs.</summary>
    public const string DefaultApiVersion = "2024-10-21";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static async ValueTask<(float[]? Embedding, string? Failure)> EmbedAsync(PolicyExecutionContext context, string policy, string backendId, string text)
    {
        if (context.Services.Backends.Find(backendId) is not { Url: { } url })
        {
            return (null, $"no backend entity '{backendId}' with a URL");
        }

        var token = await ManagedIdentityTokens.AcquireAsync(context, policy, Audience, null);
        if (token.Token is not { } acquired)
        {
            return (null, token.Error);
        }

        var headers = ServiceHeaders.From([new("Authorization", ["Bearer " + acquired.AccessToken]), new("Content-Type", ["application/json"])]);
        var body = new JObject { ["input"] = text }.ToString(Formatting.None);
        var request = new ServiceRequest("POST", WithApiVersion(url), headers, Encoding.UTF8.GetBytes(body));
        var outcome = await context.SendAsync(policy, request, Timeout);
        if (!outcome.IsResponse)
        {
            return (null, outcome.FailureMessage ?? outcome.ToString());
        }

        if (outcome.Response.StatusCode != 200)
        {
            return (null, $"the embeddings backend answered {outcome.Response.StatusCode}");
        }

        return Read(outcome.Response.BodyText);
    }

    private static Uri WithApiVersion(Uri url) =>
        url.Query.Contains("api-version=", StringComparison.OrdinalIgnoreCase)
            ? url
            : new UriBuilder(url) { Query = (url.Query.Length > 1 ? url.Query[1..] + "&" : string.Empty) + "api-version=" + DefaultApiVersion }.Uri;

    private static (float[]?, string?) Read(string json)
    {
        try
        {
            return JToken.Parse(json).SelectToken("data[0].embedding") is JArray vector
                ? ([.. vector.Select(v => (float)v)], null)
                : (null, "the embeddings answer has no data[0].embedding");
        }
        catch (JsonReaderException e)
        {
            return (null, $"the embeddings answer is not JSON: {e.Message}");
        }
    }
}
