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
    /// The stream, sent an event at a time: a first chunk with the role, one chunk per token of content, a last chunk
    /// with the finish reason and an empty delta, then, when <paramref name="includeUsage"/>
    /// (<c>stream_options.include_usage</c>), a chunk with no choices that carries the usage (every other chunk then
    /// has <c>"usage": null</c>), and finally <c>data: [DONE]</c> (OpenAI API reference, "The chat completion chunk
    /// object"). The events after the first wait for <paramref name="resume"/>.
    /// </summary>
    public ServiceResponse ToEventStream(bool includeUsage, Task resume)
    {
        var events = new List<JObject> { Chunk(new JObject { ["role"] = "assistant", ["content"] = "" }, null, includeUsage) };
        events.AddRange(TokenCounter.Split(Completion.Content, ModelEncodings.ForModel(Model))
            .Select(piece => Chunk(new JObject { ["content"] = piece }, null, includeUsage)));
        events.Add(Chunk(new JObject(), Completion.FinishReason, includeUsage));
        if (includeUsage)
        {
            events.Add(Envelope(new JArray(), UsageJson()));
        }

        var data = events.Select(chunk => chunk.ToString(Formatting.None)).Append("[DONE]");
        return new ServiceResponse(200, ServiceHeaders.Empty.With("Content-Type", EventStreamContentType), new LiveBody(Send(data, resume)));
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Send(IEnumerable<string> data, Task resume)
    {
        var first = true;
        foreach (var item in data)
        {
            yield return Encoding.UTF8.GetBytes($"data: {item}\n\n");
            if (first)
            {
                first = false;
                await resume.ConfigureAwait(false);
            }
        }
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
