using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tokenization;

/// <summary>
/// Estimates the prompt tokens of an OpenAI-style request body the way the model will count them: the text in the
/// model's encoding (<see cref="ModelEncodings"/>) plus the chat format's fixed overhead, following OpenAI's
/// cookbook "How to count tokens with tiktoken": every message costs <see cref="TokensPerMessage"/> on top of its
/// values, a <c>name</c> costs <see cref="TokensPerName"/> more, and <see cref="ReplyPrimingTokens"/> prime the reply.
/// Safe to call from any thread.
/// </summary>
public static class PromptTokenEstimator
{
    public const int TokensPerMessage = 3;
    public const int TokensPerName = 1;
    public const int ReplyPrimingTokens = 3;

    /// <summary>
    /// What vision models charge for a low-detail image (OpenAI's vision pricing guide); the real cost of a
    /// high-detail image depends on its size, which the gateway cannot see without downloading it.
    /// </summary>
    public const int TokensPerImage = 85;

    /// <summary>The tokens of plain text, with no chat overhead.</summary>
    public static int CountText(string text, string? model) => TokenCounter.Count(text, ModelEncodings.ForModel(model));

    /// <summary>
    /// The prompt tokens of a request body, its kind told from its shape: <c>messages</c> is a chat completion,
    /// <c>prompt</c> a completion, <c>input</c> with <c>instructions</c> or message items a Responses API call,
    /// any other <c>input</c> an embeddings call. <paramref name="model"/> chooses the encoding and defaults to the
    /// body's own <c>model</c>. A body with none of these counts as 0.
    /// </summary>
    public static int Estimate(JObject body, string? model = null)
    {
        if (body["messages"] is not null)
        {
            return EstimateChatCompletion(body, model);
        }

        if (body["prompt"] is not null)
        {
            return EstimateCompletion(body, model);
        }

        return body["instructions"] is not null || body["input"] is JArray items && items.Any(item => item is JObject)
            ? EstimateResponses(body, model)
            : EstimateEmbeddings(body, model);
    }

    /// <summary>Chat completions: the messages with their overhead, plus the tool definitions.</summary>
    public static int EstimateChatCompletion(JObject body, string? model = null)
    {
        var encoding = EncodingOf(body, model);
        var messages = body["messages"] as JArray ?? [];
        return CountChat(messages, encoding) + ToolDefinitionTokens.Count(body, encoding);
    }

    /// <summary>Legacy completions: the <c>prompt</c>, with no chat overhead.</summary>
    public static int EstimateCompletion(JObject body, string? model = null) =>
        body["prompt"] is { } prompt ? CountInputs(prompt, EncodingOf(body, model)) : 0;

    /// <summary>Embeddings: the <c>input</c>, with no chat overhead.</summary>
    public static int EstimateEmbeddings(JObject body, string? model = null) =>
        body["input"] is { } input ? CountInputs(input, EncodingOf(body, model)) : 0;

    /// <summary>
    /// The Responses API: <c>instructions</c> count as a system message and <c>input</c> (a string, or message
    /// items) as the dialogue, with the chat overhead; tool definitions as for chat completions.
    /// </summary>
    public static int EstimateResponses(JObject body, string? model = null)
    {
        var encoding = EncodingOf(body, model);
        var messages = body["input"] switch
        {
            JArray items => new JArray(items.OfType<JObject>().Where(item => item["role"] is not null)),
            JValue { Type: JTokenType.String } text => new JArray(new JObject { ["role"] = "user", ["content"] = text.DeepClone() }),
            _ => new JArray(),
        };
        if (body["instructions"] is JValue { Type: JTokenType.String } instructions)
        {
            messages.Insert(0, new JObject { ["role"] = "system", ["content"] = instructions.DeepClone() });
        }

        return CountChat(messages, encoding) + ToolDefinitionTokens.Count(body, encoding);
    }

    /// <summary>As <see cref="Estimate(JObject, string?)"/> for body text; false when it is not a JSON object.</summary>
    public static bool TryEstimate(string json, string? model, out int tokens)
    {
        tokens = 0;
        if (ParseObject(json) is not { } body)
        {
            return false;
        }

        tokens = Estimate(body, model);
        return true;
    }

    /// <summary>Chat messages with their per-message overhead and the reply priming.</summary>
    public static int CountChat(JArray messages, TokenEncoding encoding) =>
        messages.OfType<JObject>().Sum(message => CountMessage(message, encoding)) + ReplyPrimingTokens;

    internal static JObject? ParseObject(string json)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { DateParseHandling = DateParseHandling.None };
            var token = JToken.ReadFrom(reader);
            return reader.Read() ? null : token as JObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static int CountMessage(JObject message, TokenEncoding encoding)
    {
        var tokens = TokensPerMessage;
        foreach (var (key, value) in message)
        {
            tokens += key switch
            {
                "content" => CountContent(value, encoding),
                "name" => CountValue(value, encoding) + TokensPerName,
                _ => CountValue(value, encoding),
            };
        }

        return tokens;
    }

    // Content is a string, or an array of parts: text parts ("text", "input_text", "output_text") count their text,
    // image parts a fixed low-detail cost; other parts (audio, files) are not estimated.
    private static int CountContent(JToken? content, TokenEncoding encoding) => content switch
    {
        JArray parts => parts.OfType<JObject>().Sum(part => CountPart(part, encoding)),
        _ => CountValue(content, encoding),
    };

    private static int CountPart(JObject part, TokenEncoding encoding) => ((part["type"] as JValue)?.Value as string) switch
    {
        "image_url" or "input_image" => TokensPerImage,
        _ => part["text"] is JValue { Type: JTokenType.String } text ? TokenCounter.Count((string)text!, encoding) : 0,
    };

    // Strings count as their text; structured values (tool_calls, function_call) as their compact JSON, which is
    // close to how the model sees the call's name and arguments.
    private static int CountValue(JToken? value, TokenEncoding encoding) => value switch
    {
        null or JValue { Type: JTokenType.Null } => 0,
        JValue { Type: JTokenType.String } text => TokenCounter.Count((string)text!, encoding),
        _ => TokenCounter.Count(value.ToString(Formatting.None), encoding),
    };

    // Completions' prompt and embeddings' input: a string, an array of strings, or pre-tokenised arrays of token ids.
    private static int CountInputs(JToken input, TokenEncoding encoding) => input switch
    {
        JValue { Type: JTokenType.String } text => TokenCounter.Count((string)text!, encoding),
        JValue { Type: JTokenType.Integer } => 1,
        JArray items => items.Sum(item => CountInputs(item, encoding)),
        _ => 0,
    };

    private static TokenEncoding EncodingOf(JObject body, string? model) =>
        ModelEncodings.ForModel(model ?? (body["model"] as JValue)?.Value as string);
}
