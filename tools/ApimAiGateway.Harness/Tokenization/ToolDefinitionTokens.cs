using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tokenization;

/// <summary>
/// An approximation of what function definitions add to a prompt. OpenAI does not publish how they are rendered;
/// this follows the approximation in OpenAI's cookbook ("How to count tokens with tiktoken", section on tools):
/// each function costs a fixed opening plus "name:description", each parameter a fixed cost plus
/// "name:type:description" and its enum values, and the whole list a fixed closing. Descriptions lose a trailing
/// period, as the cookbook's rendering does. Non-function tools (web search, file search) are not counted.
/// </summary>
internal static class ToolDefinitionTokens
{
    private const int PropertiesOpening = 3;
    private const int PerProperty = 3;
    private const int EnumOpening = -3;
    private const int PerEnumItem = 3;
    private const int ListClosing = 12;

    /// <summary>
    /// The function definitions of <c>tools</c> (chat completions' <c>{type, function:{…}}</c> or the Responses
    /// API's flat <c>{type, name, …}</c>) and of the legacy <c>functions</c>.
    /// </summary>
    public static int Count(JObject body, TokenEncoding encoding)
    {
        var functions = Functions(body).ToList();
        return functions.Count == 0
            ? 0
            : functions.Sum(function => CountFunction(function, encoding)) + ListClosing;
    }

    private static IEnumerable<JObject> Functions(JObject body)
    {
        var tools = (body["tools"] as JArray ?? []).OfType<JObject>()
            .Where(tool => (string?)(tool["type"] as JValue) == "function")
            .Select(tool => tool["function"] as JObject ?? tool);
        return tools.Concat((body["functions"] as JArray ?? []).OfType<JObject>());
    }

    // gpt-4o and later open each function with fewer tokens than gpt-4 and gpt-3.5 (the cookbook's measurements).
    private static int FunctionOpening(TokenEncoding encoding) => encoding == TokenEncoding.O200kBase ? 7 : 10;

    private static int CountFunction(JObject function, TokenEncoding encoding)
    {
        var tokens = FunctionOpening(encoding)
            + TokenCounter.Count($"{Text(function["name"])}:{WithoutFinalPeriod(Text(function["description"]))}", encoding);
        if (function["parameters"]?["properties"] is JObject { Count: > 0 } properties)
        {
            tokens += PropertiesOpening + properties.Properties().Sum(property => CountProperty(property, encoding));
        }

        return tokens;
    }

    private static int CountProperty(JProperty property, TokenEncoding encoding)
    {
        var tokens = PerProperty;
        if (property.Value["enum"] is JArray values)
        {
            tokens += EnumOpening + values.Sum(value => PerEnumItem + TokenCounter.Count(Text(value), encoding));
        }

        var line = $"{property.Name}:{Text(property.Value["type"])}:{WithoutFinalPeriod(Text(property.Value["description"]))}";
        return tokens + TokenCounter.Count(line, encoding);
    }

    private static string Text(JToken? token) => token switch
    {
        null => "",
        JValue value => value.Value?.ToString() ?? "",
        _ => token.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static string WithoutFinalPeriod(string text) => text.EndsWith('.') ? text[..^1] : text;
}
