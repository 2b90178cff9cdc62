using System.Text;
using ApimAiGateway.Harness.Context.Runtime;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Execution.SemanticCaching;

/// <summary>
/// The text of an LLM request or response as the AI gateway policies see it: the chat messages of a chat completions
/// request (or the prompt of a legacy completions request), and the completion text of an answer. A body that is
/// not such JSON has no text, which the policies treat as nothing to check or cache.
/// </summary>
public static class LlmMessages
{
    /// <summary>One message of a prompt: its role and its text (the text parts of multi-part content, joined).</summary>
    public sealed record Message(string Role, string Text);

    public static IReadOnlyList<Message>? PromptOf(MessageBody? body)
    {
        if (ParseObject(body) is not { } json)
        {
            return null;
        }

        if (json["messages"] is JArray messages)
        {
            return [.. messages.OfType<JObject>().Select(m => new Message((string?)m["role"] ?? "user", ContentText(m["content"])))];
        }

        return json["prompt"] is JValue { Type: JTokenType.String } prompt ? [new Message("user", (string)prompt!)] : null;
    }

    public static string? CompletionOf(MessageBody? body)
    {
        if (ParseObject(body)?["choices"] is not JArray choices)
        {
            return null;
        }

        var texts = choices.OfType<JObject>()
            .Select(choice => choice["message"] is JObject message ? ContentText(message["content"]) : (string?)choice["text"] ?? string.Empty)
            .Where(text => text.Length > 0)
            .ToList();
        return texts.Count == 0 ? null : string.Join("\n", texts);
    }

    public static string Join(IEnumerable<Message> messages) => string.Join("\n", messages.Select(m => m.Text));

    private static string ContentText(JToken? content) => content switch
    {
        JValue { Type: JTokenType.String } text => (string)text!,
        JArray parts => string.Join("\n", parts.OfType<JObject>().Where(p => (string?)p["type"] == "text").Select(p => (string?)p["text"] ?? string.Empty)),
        _ => string.Empty,
    };

    private static JObject? ParseObject(MessageBody? body)
    {
        if (body is null || body.Content.IsEmpty)
        {
            return null;
        }

        try
        {
            return JToken.Parse(Encoding.UTF8.GetString(body.Content.Span)) as JObject;
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }
}
