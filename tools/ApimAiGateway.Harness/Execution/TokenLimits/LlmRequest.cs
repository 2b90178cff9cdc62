using ApimAiGateway.Harness.Tokenization;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Execution.TokenLimits;

/// <summary>
/// What the token policies need from the caller's request: its JSON body, the model that will count its tokens
/// (the body's <c>model</c>, else the Azure OpenAI deployment named in the URL) and whether the answer is streamed.
/// Read without consuming the body, so forward-request still sends it.
/// </summary>
internal sealed record LlmRequest(JObject? Body, string? Model)
{
    public static LlmRequest Read(PolicyExecutionContext context)
    {
        var body = context.Request.Body is { } content ? PromptTokenEstimator.ParseObject(System.Text.Encoding.UTF8.GetString(content.Content.Span)) : null;
        var model = (body?["model"] as JValue)?.Value as string ?? DeploymentIn(context.Request.Url.Path);
        return new LlmRequest(body, model);
    }

    /// <summary><c>"stream": true</c> in the body (apim-reference §4.31).</summary>
    public bool IsStreaming => Body?["stream"] is JValue { Type: JTokenType.Boolean } stream && (bool)stream;

    public int EstimatePromptTokens() => Body is null ? 0 : PromptTokenEstimator.Estimate(Body, Model);

    public int CountText(string text) => PromptTokenEstimator.CountText(text, Model);

    // /openai/deployments/{deployment-id}/... on Azure OpenAI; deployments are often named after their model.
    private static string? DeploymentIn(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var index = Array.IndexOf(segments, "deployments");
        return index >= 0 && index + 1 < segments.Length ? segments[index + 1] : null;
    }
}
