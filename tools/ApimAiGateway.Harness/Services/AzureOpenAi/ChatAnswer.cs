using System.Text;
using ApimAiGateway.Harness.Tokenization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>A chat completion, written as the JSON object or as the server-sent event stream the API returns.</summary>
internal sealed record ChatAnswer(string Id, long Created, string Model, SimulatedCompletion Completion, TokenUsage Usage)
{
    public const string EventStreamContentType = "text/event-stream; charset=utf-8";

    public ServiceResponse ToJson() => ServiceResponse.Json(new JObject
    {
        ["id"] = Id,
        ["object"] = "chat.completion",
        ["created"] = Created,
        ["model"] = Model,
        ["choices"] = new JArray(new JObject
        {
            ["index"] = 0,
            ["message"] = new JObject { ["role"] = "assistant", ["content"] = Completion.Content },
            ["finish_reason"] = Completion.FinishReason,
        }),
        ["usage"] = UsageJson(),
    });

    /// <summary>
    /// The stream: a first chunk with the role, one chunk per token of content, a last chunk with the finish
    /// reason and an empty delta, then, when <paramref name="includeUsage"/> (<c>stream_options.include_usage</c>),
    /// a chunk with no choices that carries the usage (every other chunk then has <c>"usage": null</c>), and
    /// finally <c>data: [DONE]</c> (OpenAI API reference, "The chat completion chunk object").
    /// </summary>
    public ServiceResponse ToEventStream(bool includeUsage)
    {
        var events = new StringBuilder();
        void Send(JObject chunk) => events.Append("data: ").Append(chunk.ToString(Formatting.None)).Append("\n\n");

        Send(Chunk(new JObject { ["role"] = "assistant", ["content"] = "" }, null, includeUsage));
        foreach (var piece in TokenCounter.Split(Completion.Content, ModelEncodings.ForModel(Model)))
        {
            Send(Chunk(new JObject { ["content"] = piece }, null, includeUsage));
        }

        Send(Chunk(new JObject(), Completion.FinishReason, includeUsage));
        if (includeUsage)
        {
            Send(Envelope(new JArray(), UsageJson()));
        }

        events.Append("data: [DONE]\n\n");
        return ServiceResponse.Text(events.ToString(), contentType: EventStreamContentType);
    }

    private JObject Chunk(JObject delta, string? finishReason, bool includeUsage) => Envelope(
        new JArray(new JObject { ["index"] = 0, ["delta"] = delta, ["finish_reason"] = finishReason }),
        includeUsage ? JValue.CreateNull() : null);

    private JObject Envelope(JArray choices, JToken? usage)
    {
        var chunk = new JObject
        {
            ["id"] = Id,
            ["object"] = "chat.completion.chunk",
            ["created"] = Created,
            ["model"] = Model,
            ["choices"] = choices,
        };
        if (usage is not null)
        {
            chunk["usage"] = usage;
        }

        return chunk;
    }

    private JObject UsageJson() => new()
    {
        ["prompt_tokens"] = Usage.PromptTokens,
        ["completion_tokens"] = Usage.CompletionTokens,
        ["total_tokens"] = Usage.TotalTokens,
    };
}
