using ApimAiGateway.Harness.Tokenization;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Services.AzureOpenAi;

// Chunk format per the OpenAI API reference, "The chat completion chunk object" and stream_options.include_usage.
public sealed class StreamingTests
{
    private readonly AzureOpenAiFixture _aoai = new();

    [Fact]
    public async Task A_stream_sends_role_then_content_chunks_then_the_finish_reason_then_done()
    {
        var response = await _aoai.ChatResponse(AzureOpenAiFixture.UserMessage("Stream me", ""","stream":true"""));

        var events = Events(response.BodyText);
        var chunks = events.SkipLast(1).Select(JObject.Parse).ToList();
        Assert.StartsWith("text/event-stream", response.ContentType);
        Assert.Equal("[DONE]", events[^1]);
        Assert.All(chunks, chunk => Assert.Equal("chat.completion.chunk", (string?)chunk["object"]));
        Assert.All(chunks, chunk => Assert.Null(chunk["usage"]));
        Assert.Single(chunks.Select(chunk => (string?)chunk["id"]).Distinct());
        Assert.Equal("assistant", (string?)chunks[0].SelectToken("choices[0].delta.role"));
        Assert.Equal(JTokenType.Null, chunks[1].SelectToken("choices[0].finish_reason")!.Type);
        Assert.Equal("stop", (string?)chunks[^1].SelectToken("choices[0].finish_reason"));
        Assert.Empty((JObject)chunks[^1].SelectToken("choices[0].delta")!);
    }

    [Fact]
    public async Task The_streamed_content_is_the_same_answer_one_token_per_chunk()
    {
        var plain = await _aoai.ChatResponse(AzureOpenAiFixture.UserMessage("Same answer?"));
        var streamed = await _aoai.ChatResponse(AzureOpenAiFixture.UserMessage("Same answer?", ""","stream":true"""));

        var content = (string)plain.BodyAs<JObject>()!.SelectToken("choices[0].message.content")!;
        var pieces = Events(streamed.BodyText).SkipLast(1).Select(JObject.Parse).Skip(1).SkipLast(1)
            .Select(chunk => (string)chunk.SelectToken("choices[0].delta.content")!).ToList();
        Assert.Equal(content, string.Concat(pieces));
        Assert.Equal(TokenCounter.Split(content, TokenEncoding.O200kBase).Count, pieces.Count);
    }

    [Fact]
    public async Task Include_usage_adds_a_final_chunk_with_no_choices_and_the_usage()
    {
        var response = await _aoai.ChatResponse(AzureOpenAiFixture.UserMessage("hello world", ""","stream":true,"stream_options":{"include_usage":true}"""));

        var chunks = Events(response.BodyText).SkipLast(1).Select(JObject.Parse).ToList();
        var usageChunk = chunks[^1];
        Assert.Empty((JArray)usageChunk["choices"]!);
        Assert.Equal(9, (int)usageChunk.SelectToken("usage.prompt_tokens")!);
        Assert.Equal(
            (int)usageChunk.SelectToken("usage.prompt_tokens")! + (int)usageChunk.SelectToken("usage.completion_tokens")!,
            (int)usageChunk.SelectToken("usage.total_tokens")!);
        Assert.All(chunks.SkipLast(1), chunk => Assert.Equal(JTokenType.Null, chunk["usage"]!.Type));
        Assert.True(_aoai.Service.Calls.Single().Streamed);
    }

    [Fact]
    public async Task A_capped_stream_finishes_with_length()
    {
        var response = await _aoai.ChatResponse(AzureOpenAiFixture.UserMessage("Long please", ""","stream":true,"max_tokens":2"""));

        var chunks = Events(response.BodyText).SkipLast(1).Select(JObject.Parse).ToList();
        Assert.Equal("length", (string?)chunks[^1].SelectToken("choices[0].finish_reason"));
        Assert.Equal(4, chunks.Count);
    }

    private static List<string> Events(string body)
    {
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, line => Assert.StartsWith("data: ", line));
        return [.. events.Select(line => line["data: ".Length..])];
    }
}
