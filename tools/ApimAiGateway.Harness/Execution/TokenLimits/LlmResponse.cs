using System.Text;
using ApimAiGateway.Harness.Tokenization;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Execution.TokenLimits;

/// <summary>
/// What the token policies read from the backend's answer: the <c>usage</c> block of a JSON answer, or of a
/// server-sent event stream its final usage chunk (sent with <c>stream_options.include_usage</c>) and the streamed
/// text, from which the completion is estimated when no usage came.
/// </summary>
internal sealed record LlmResponse(JObject? Usage, bool IsStream, string StreamedText)
{
    private const string EventStreamType = "text/event-stream";

    /// <summary>
    /// Hands the answer to <paramref name="meter"/> once it is all in: at once when it came whole, and when its last
    /// chunk has passed when it is a stream still being relayed, so the stream is never held up and its tokens are
    /// still counted. Returns whether the answer was such a stream.
    /// </summary>
    public static bool WhenComplete(PolicyExecutionContext context, Action<LlmResponse> meter)
    {
        var body = context.Response.Body;
        if (body?.Live is { } live)
        {
            live.WhenEnded(whole => meter(Read(body.ContentType, whole.Span)));
            return true;
        }

        meter(Read(body?.ContentType, body is null ? default : body.Content.Span));
        return false;
    }

    private static LlmResponse Read(string? contentType, ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body);
        var isStream = contentType?.StartsWith(EventStreamType, StringComparison.OrdinalIgnoreCase) == true
            || text.StartsWith("data:", StringComparison.Ordinal);
        return isStream ? ReadStream(text) : new LlmResponse(PromptTokenEstimator.ParseObject(text)?["usage"] as JObject, false, string.Empty);
    }

    /// <summary>
    /// The tokens of the exchange. A JSON answer's usage is taken as reported. A stream is estimated, prompt and
    /// completion (apim-reference §4.31/§4.32), unless <paramref name="trustStreamedUsage"/> and it carried a usage
    /// chunk. Null when the answer reports no usage and is no stream (an error, a non-LLM API): nothing to meter.
    /// </summary>
    public MeteredTokens? Meter(LlmRequest request, bool trustStreamedUsage)
    {
        if (Usage is { } usage && (!IsStream || trustStreamedUsage))
        {
            var prompt = Number(usage, "prompt_tokens");
            var completion = Number(usage, "completion_tokens");
            return new MeteredTokens(prompt, completion, usage["total_tokens"] is JValue { Type: JTokenType.Integer } total ? (long)total : prompt + completion, false);
        }

        if (!IsStream)
        {
            return null;
        }

        var estimatedPrompt = request.EstimatePromptTokens();
        var estimatedCompletion = request.CountText(StreamedText);
        return new MeteredTokens(estimatedPrompt, estimatedCompletion, estimatedPrompt + estimatedCompletion, true);
    }

    private static LlmResponse ReadStream(string text)
    {
        JObject? usage = null;
        var content = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith("data:", StringComparison.Ordinal) || PromptTokenEstimator.ParseObject(line[5..].Trim()) is not { } chunk)
            {
                continue;
            }

            usage = chunk["usage"] as JObject ?? usage;
            foreach (var delta in (chunk["choices"] as JArray ?? []).Select(choice => choice["delta"]?["content"]))
            {
                content.Append(delta is JValue { Type: JTokenType.String } piece ? (string)piece! : string.Empty);
            }
        }

        return new LlmResponse(usage, true, content.ToString());
    }

    private static long Number(JObject usage, string name) =>
        usage[name] is JValue { Type: JTokenType.Integer } value ? (long)value : 0;
}
