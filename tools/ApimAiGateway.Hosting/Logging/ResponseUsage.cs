using ApimAiGateway.Harness.Gateway;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Hosting.Logging;

/// <summary>
/// The tokens an answer reports it used: <c>usage.total_tokens</c> of a JSON answer, or of the usage chunk a stream
/// carries when the caller asked for one (<c>stream_options.include_usage</c>). Null when the answer reports none.
/// </summary>
internal static class ResponseUsage
{
    public static int? TotalTokens(GatewayResult result)
    {
        var contentType = result.Header("Content-Type") ?? string.Empty;
        if (contentType.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase))
        {
            return result.BodyText.Split('\n')
                .Select(line => line.Trim())
                .Where(line => line.StartsWith("data:", StringComparison.Ordinal))
                .Select(line => TotalOf(Parse(line["data:".Length..].Trim())))
                .LastOrDefault(tokens => tokens is not null);
        }

        return contentType.Contains("json", StringComparison.OrdinalIgnoreCase) ? TotalOf(result.BodyJson) : null;
    }

    private static int? TotalOf(JToken? answer) =>
        answer is JObject { } json && json.SelectToken("usage.total_tokens") is JValue { Type: JTokenType.Integer } total ? (int)(long)total : null;

    private static JToken? Parse(string data)
    {
        try
        {
            return data.StartsWith('{') ? JToken.Parse(data) : null;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }
}
