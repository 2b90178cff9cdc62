using System.Text;
using ApimAiGateway.Harness.Services;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Execution.ContentSafety;

/// <summary>
/// Calls Azure AI Content Safety through the backend entity llm-content-safety names (its URL is the resource's
/// endpoint, https://&lt;name&gt;.cognitiveservices.azure.com; the backend carries the credentials): text:analyze and
/// text:shieldPrompt at the GA api-version.
/// </summary>
internal sealed class ContentSafetyClient(PolicyExecutionContext context, Uri endpoint)
{
    public const string ApiVersion = "2024-09-01";

    private const string Policy = "llm-content-safety";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public ValueTask<(JObject? Answer, ServiceOutcome Outcome)> AnalyzeAsync(string text, string outputType, IReadOnlyList<string> categories, IReadOnlyList<string> blocklists) =>
        PostAsync("text:analyze", new JObject
        {
            ["text"] = text,
            ["categories"] = new JArray(categories),
            ["blocklistNames"] = new JArray(blocklists),
            ["haltOnBlocklistHit"] = false,
            ["outputType"] = outputType,
        });

    public ValueTask<(JObject? Answer, ServiceOutcome Outcome)> ShieldPromptAsync(string text) =>
        PostAsync("text:shieldPrompt", new JObject { ["userPrompt"] = text, ["documents"] = new JArray() });

    private async ValueTask<(JObject?, ServiceOutcome)> PostAsync(string operation, JObject body)
    {
        var uri = new Uri(endpoint, $"{endpoint.AbsolutePath.TrimEnd('/')}/contentsafety/{operation}?api-version={ApiVersion}");
        var request = new ServiceRequest("POST", uri, ServiceHeaders.Empty.With("Content-Type", "application/json"), Encoding.UTF8.GetBytes(body.ToString(Formatting.None)));
        var outcome = await context.SendAsync(Policy, request, Timeout);
        if (!outcome.IsResponse || outcome.Response.StatusCode != 200)
        {
            return (null, outcome);
        }

        try
        {
            return (JToken.Parse(outcome.Response.BodyText) as JObject, outcome);
        }
        catch (JsonReaderException)
        {
            return (null, outcome);
        }
    }
}
