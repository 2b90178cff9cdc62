using System.Web;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Services.ContentSafety;

/// <summary>
/// Azure AI Content Safety's text APIs served in process, on their real shapes: POST
/// /contentsafety/text:analyze (text, categories, blocklistNames, haltOnBlocklistHit, outputType → categoriesAnalysis
/// and blocklistsMatch) and POST /contentsafety/text:shieldPrompt (userPrompt, documents → userPromptAnalysis and
/// documentsAnalysis), each with a required api-version. Severities come from configured keywords; the four-level
/// output rounds them down to 0, 2, 4 or 6 as the service does. Text over the limit is a 400 InvalidRequestBody.
/// </summary>
public sealed class SimulatedContentSafety(SimulatedContentSafetyOptions options) : IServiceHandler
{
    public static readonly IReadOnlyList<string> Categories = ["Hate", "SelfHarm", "Sexual", "Violence"];

    private static readonly HashSet<string> AnalyzeVersions = ["2023-10-01", "2024-09-01"];
    private static readonly HashSet<string> ShieldVersions = ["2024-02-15-preview", "2024-09-01"];

    private readonly RecordList<ServiceRequest> _requests = new();

    /// <summary>The requests the service answered, in order.</summary>
    public IReadOnlyList<ServiceRequest> Requests => _requests.Snapshot();

    public ValueTask<ServiceOutcome> HandleAsync(ServiceRequest request, ServiceCallContext context, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        return ValueTask.FromResult(ServiceOutcome.Respond(Answer(request)));
    }

    private ServiceResponse Answer(ServiceRequest request)
    {
        var apiVersion = HttpUtility.ParseQueryString(request.Uri.Query)["api-version"];
        var operation = request.Uri.AbsolutePath;
        var versions = operation switch
        {
            "/contentsafety/text:analyze" => AnalyzeVersions,
            "/contentsafety/text:shieldPrompt" => ShieldVersions,
            _ => null,
        };
        if (request.Method != "POST" || versions is null || apiVersion is null || !versions.Contains(apiVersion))
        {
            return Error(404, "404", "Resource not found");
        }

        JObject body;
        try
        {
            body = JToken.Parse(request.BodyText) as JObject ?? [];
        }
        catch (JsonReaderException)
        {
            return Error(400, "InvalidRequestBody", "The request body is not valid JSON.");
        }

        return versions == AnalyzeVersions ? Analyze(body) : ShieldPrompt(body);
    }

    private ServiceResponse Analyze(JObject body)
    {
        if (body["text"] is not JValue { Type: JTokenType.String } textValue)
        {
            return Error(400, "InvalidRequestBody", "The field 'text' is required.");
        }

        var text = (string)textValue!;
        if (text.Length > options.MaxTextLength)
        {
            return Error(400, "InvalidRequestBody", $"The text is longer than {options.MaxTextLength} characters.");
        }

        var eightLevels = (string?)body["outputType"] == "EightSeverityLevels";
        var requested = body["categories"] is JArray names && names.Count > 0 ? names.Select(n => (string?)n).ToList() : [.. Categories];
        var matches = new JArray(
            (body["blocklistNames"] as JArray ?? []).Select(n => (string?)n).OfType<string>()
                .SelectMany(name => options.Blocklists.GetValueOrDefault(name, []).Select((term, index) => (name, term, index)))
                .Where(item => Contains(text, item.term))
                .Select(item => new JObject { ["blocklistName"] = item.name, ["blocklistItemId"] = $"{item.name}-{item.index}", ["blocklistItemText"] = item.term }));
        var halt = body["haltOnBlocklistHit"] is JValue { Type: JTokenType.Boolean } flag && (bool)flag && matches.Count > 0;
        var analysis = halt
            ? []
            : new JArray(Categories.Where(requested.Contains).Select(category => new JObject
            {
                ["category"] = category,
                ["severity"] = eightLevels ? SeverityOf(text, category) : SeverityOf(text, category) / 2 * 2,
            }));
        return ServiceResponse.Json(new JObject { ["blocklistsMatch"] = matches, ["categoriesAnalysis"] = analysis });
    }

    private ServiceResponse ShieldPrompt(JObject body)
    {
        var prompt = (string?)body["userPrompt"] ?? string.Empty;
        var documents = (body["documents"] as JArray ?? []).Select(d => (string?)d ?? string.Empty).ToList();
        if (prompt.Length > options.MaxTextLength)
        {
            return Error(400, "InvalidRequestBody", $"The userPrompt is longer than {options.MaxTextLength} characters.");
        }

        return ServiceResponse.Json(new JObject
        {
            ["userPromptAnalysis"] = new JObject { ["attackDetected"] = IsAttack(prompt) },
            ["documentsAnalysis"] = new JArray(documents.Select(d => new JObject { ["attackDetected"] = IsAttack(d) })),
        });
    }

    private int SeverityOf(string text, string category) =>
        options.Keywords.Where(k => k.Category == category && Contains(text, k.Keyword)).Select(k => Math.Clamp(k.Severity, 0, 7)).DefaultIfEmpty(0).Max();

    private bool IsAttack(string text) => options.AttackPhrases.Any(phrase => Contains(text, phrase));

    private static bool Contains(string text, string term) => text.Contains(term, StringComparison.OrdinalIgnoreCase);

    private static ServiceResponse Error(int status, string code, string message) =>
        ServiceResponse.Json(new JObject { ["error"] = new JObject { ["code"] = code, ["message"] = message } }, status);
}
