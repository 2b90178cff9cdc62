using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.SemanticCaching;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Services;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Execution.ContentSafety;

/// <summary>
/// llm-content-safety (apim-reference §4.34; llm-content-safety-policy, 2026): sends the request's prompt text
/// (inbound: "a concatenation of all text content in the request") or the response's completion text (outbound) to
/// Azure AI Content Safety and blocks with 403 when a category's severity reaches its threshold, a blocklist term
/// matches, or (shield-prompt) Prompt Shields detects an attack. Text the service refuses as over its limit is
/// also a 403, as the 2026 page says; any other service failure is a 500. The page names no LastError reason, so
/// the harness uses descriptive ones (CategoryThresholdReached, BlocklistMatch, PromptAttackDetected,
/// TextOverServiceLimit, ContentSafetyServiceError).
/// </summary>
internal sealed class ContentSafetyCheck(
    BoundValue<string> backendId,
    BoundValue<bool> shieldPrompt,
    BoundValue<int>? windowSize,
    BoundValue<int> windowOverlap,
    BoundValue<string>? outputType,
    IReadOnlyList<ContentSafetyCategory> categories,
    IReadOnlyList<BoundValue<string>> blocklists,
    BoundValue<bool> enforceOnCompletions) : IPolicyStep
{
    public const string Policy = "llm-content-safety";

    public static ContentSafetyCheck Bind(PolicyElement element, PolicyBinder binder)
    {
        var categoriesElement = element.ElementsNamed("categories").FirstOrDefault();
        return new ContentSafetyCheck(
            binder.Attribute(element, "backend-id", string.Empty),
            binder.Attribute(element, "shield-prompt", false),
            binder.Has(element, "window-size") ? binder.Attribute(element, "window-size", 0) : null,
            binder.Attribute(element, "window-overlap-size", 0),
            categoriesElement is null ? null : binder.Attribute(categoriesElement, "output-type", "FourSeverityLevels"),
            categoriesElement is null
                ? []
                : [.. categoriesElement.ElementsNamed("category").Select(c => new ContentSafetyCategory(binder.Attribute(c, "name", string.Empty), binder.Attribute(c, "threshold", 0)))],
            [.. element.ElementsNamed("blocklists").SelectMany(b => b.ElementsNamed("id")).Select(id => binder.Text(id, string.Empty))],
            binder.Attribute(element, "enforce-on-completions", false));
    }

    public async ValueTask ExecuteAsync(PolicyExecutionContext context)
    {
        // Checking the completion from an inbound policy needs a check after the backend that can still fail the
        // request; the harness does not emulate that, and says so rather than skipping the check.
        if (!context.ActsOnResponse && enforceOnCompletions.Evaluate(context) && context.Current is { } location)
        {
            throw new Pipeline.PolicyNotEmulatedException(location with { PolicyName = Policy + " enforce-on-completions" });
        }

        var text = context.ActsOnResponse
            ? LlmMessages.CompletionOf(context.Response.Body)
            : LlmMessages.PromptOf(context.Request.Body) is { } prompt ? LlmMessages.Join(prompt) : null;
        if (string.IsNullOrEmpty(text))
        {
            context.Note("no prompt or completion text to check");
            return;
        }

        var id = backendId.Evaluate(context) ?? string.Empty;
        var endpoint = context.Services.Backends.Find(id)?.Url
            ?? throw new PolicyException(Policy, "BackendNotFound", $"Backend with id '{id}' could not be found.");
        var client = new ContentSafetyClient(context, endpoint);
        var thresholds = categories.Select(c => (Name: c.Name.Evaluate(context) ?? string.Empty, Threshold: c.Threshold.Evaluate(context))).ToList();
        var blocklistIds = blocklists.Select(b => b.Evaluate(context) ?? string.Empty).ToList();
        var shield = shieldPrompt.Evaluate(context);
        foreach (var window in ContentSafetyWindows.Of(text, windowSize?.Evaluate(context), windowOverlap.Evaluate(context)))
        {
            if (shield)
            {
                var (answer, outcome) = await client.ShieldPromptAsync(window);
                if ((bool?)Answered(answer, outcome).SelectToken("userPromptAnalysis.attackDetected") == true)
                {
                    throw Blocked("PromptAttackDetected", "The request was blocked: a prompt attack was detected.");
                }
            }

            if (thresholds.Count > 0 || blocklistIds.Count > 0)
            {
                var (answer, outcome) = await client.AnalyzeAsync(window, outputType?.Evaluate(context) ?? "FourSeverityLevels", [.. thresholds.Select(t => t.Name)], blocklistIds);
                Judge(Answered(answer, outcome), thresholds);
            }
        }

        context.Note($"{(context.ActsOnResponse ? "completion" : "prompt")} passed the content safety checks");
    }

    private static void Judge(JObject answer, IReadOnlyList<(string Name, int Threshold)> thresholds)
    {
        if (answer["blocklistsMatch"] is JArray { Count: > 0 } matches)
        {
            throw Blocked("BlocklistMatch", $"The request was blocked: the text matches blocklist '{matches[0]["blocklistName"]}'.");
        }

        foreach (var analysis in (answer["categoriesAnalysis"] as JArray ?? []).OfType<JObject>())
        {
            var category = (string?)analysis["category"];
            var severity = (int?)analysis["severity"] ?? 0;
            if (thresholds.FirstOrDefault(t => t.Name == category) is { Name: not null } rule && severity >= rule.Threshold)
            {
                throw Blocked("CategoryThresholdReached", $"The request was blocked: category '{category}' has severity {severity}, at or above the threshold {rule.Threshold}.");
            }
        }
    }

    private static JObject Answered(JObject? answer, ServiceOutcome outcome) => answer ?? throw (outcome.IsResponse && outcome.Response.StatusCode == 400
        ? Blocked("TextOverServiceLimit", "The request was blocked: the text exceeds the Azure AI Content Safety service limit.")
        : new PolicyException(Policy, "ContentSafetyServiceError", $"Azure AI Content Safety failed: {(outcome.IsResponse ? outcome.Response.ToString() : outcome.FailureMessage)}"));

    private static PolicyException Blocked(string reason, string message) => new(Policy, reason, message, 403);
}
