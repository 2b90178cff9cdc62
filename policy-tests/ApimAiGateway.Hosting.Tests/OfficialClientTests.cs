using System.ClientModel;
using System.Net;
using System.Text;
using ApimAiGateway.Harness.Services.AzureOpenAi;
using OpenAI.Chat;

namespace ApimAiGateway.Hosting.Tests;

/// <summary>
/// The gateway as application teams meet it: the official Azure OpenAI .NET client over real HTTP on loopback,
/// through the test repository's policies, to simulated regions that are themselves loopback HTTP servers.
/// </summary>
public sealed class OfficialClientTests(ServedRepository served) : IClassFixture<ServedRepository>
{
    private const string AnswerPrefix = "Simulated answer ";

    [Fact]
    public async Task A_completion_comes_back_and_is_logged_with_caller_tokens_cost_cache_and_region()
    {
        var answer = await served.Chat("standard").CompleteChatAsync([new UserChatMessage("What does a gateway do? (completion test)")]);

        Assert.StartsWith(AnswerPrefix, answer.Value.Content[0].Text);
        var line = await served.Log.NextAsync();
        Assert.Matches(
            $@"^200 POST /openai/deployments/gpt-4o/chat/completions caller=standard-local tokens={answer.Value.Usage.TotalTokenCount} cost=""0\.\d{{5}} USD"" cache=MISS region=""(East|West) US"" \d+\.\d ms$",
            line);
    }

    [Fact]
    public async Task A_streamed_completion_arrives_as_server_sent_events_the_client_assembles()
    {
        var text = new StringBuilder();
        var updates = 0;
        ChatTokenUsage? usage = null;
        await foreach (var update in served.Chat("standard").CompleteChatStreamingAsync([new UserChatMessage("Stream me an answer.")]))
        {
            updates++;
            usage ??= update.Usage;
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }
        }

        Assert.True(updates > 2, $"expected one event per word and a final one, got {updates}");
        Assert.StartsWith(AnswerPrefix, text.ToString());
        Assert.Matches($@"^200 POST /openai/deployments/gpt-4o/chat/completions caller=standard-local tokens={usage?.TotalTokenCount.ToString() ?? "-"} cost=- cache=- region=""(East|West) US""", await served.Log.NextAsync());
    }

    [Fact]
    public async Task A_streamed_event_reaches_the_client_while_the_region_is_still_producing_the_stream()
    {
        // Whichever region the pool picks sends its first event, then waits for the gate this test opens only once
        // the client has that event: the gateway relays each event as it arrives (buffer-response="false").
        var gate = new TaskCompletionSource();
        var regions = served.Host.Regions;
        foreach (var region in regions)
        {
            region.Service.Faults.PauseNextStream(gate.Task);
        }

        try
        {
            var updates = 0;
            var text = new StringBuilder();
            // A gateway that buffered would wait for the gate forever: the guard turns that into a failure.
            using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await foreach (var update in served.Chat("standard").CompleteChatStreamingAsync([new UserChatMessage("Stream me the first event early.")], cancellationToken: guard.Token))
            {
                if (updates++ == 0)
                {
                    gate.SetResult();
                }

                foreach (var part in update.ContentUpdate)
                {
                    text.Append(part.Text);
                }
            }

            Assert.True(updates > 2);
            Assert.StartsWith(AnswerPrefix, text.ToString());
            Assert.StartsWith("200 POST /openai/deployments/gpt-4o/chat/completions caller=standard-local ", await served.Log.NextAsync());
        }
        finally
        {
            gate.TrySetResult();
            foreach (var region in regions)
            {
                region.Service.Faults.Clear();
            }
        }
    }

    [Fact]
    public async Task Embeddings_come_back_to_the_official_client_which_asks_for_base64()
    {
        var embedding = await served.Client("standard").GetEmbeddingClient("text-embedding-3-small").GenerateEmbeddingAsync("What is the capital of France?");

        var vector = embedding.Value.ToFloats().ToArray();
        Assert.Equal(BagOfWordsEmbedding.Embed("What is the capital of France?"), vector);
        Assert.StartsWith("200 POST /openai/deployments/text-embedding-3-small/embeddings caller=standard-local ", await served.Log.NextAsync());
    }

    [Fact]
    public async Task A_caller_past_its_token_limit_gets_429()
    {
        var chat = served.Chat("basic");
        await chat.CompleteChatAsync([new UserChatMessage("Spend the basic product's small budget.")]);
        Assert.StartsWith("200 ", await served.Log.NextAsync());

        var refused = await Assert.ThrowsAsync<ClientResultException>(() => chat.CompleteChatAsync([new UserChatMessage("One more, please.")]));

        Assert.Equal(429, refused.Status);
        Assert.True(refused.GetRawResponse()!.Headers.TryGetValue("Retry-After", out var retryAfter) && int.Parse(retryAfter!) > 0);
        Assert.StartsWith("429 POST /openai/deployments/gpt-4o/chat/completions caller=basic-local ", await served.Log.NextAsync());
    }

    [Fact]
    public async Task The_same_question_twice_is_answered_from_the_cache_the_second_time()
    {
        var chat = served.Chat("standard");
        ChatMessage[] question = [new UserChatMessage("Is this answer cached?")];

        var first = await chat.CompleteChatAsync(question);
        var second = await chat.CompleteChatAsync(question);

        Assert.Equal("MISS", Header(first, "X-Cache"));
        Assert.Equal("HIT", Header(second, "X-Cache"));
        Assert.Equal(first.Value.Content[0].Text, second.Value.Content[0].Text);
        Assert.Contains(" cache=MISS ", await served.Log.NextAsync());
        Assert.Contains(" cache=HIT ", await served.Log.NextAsync());
    }

    [Fact]
    public async Task When_the_first_region_answers_429_the_request_fails_over_to_the_second()
    {
        var eastUs = served.Host.Region("eastus");
        var westUs = served.Host.Region("westus");
        var westUsCalls = westUs.Service.Calls.Count;
        eastUs.Service.Faults.FailNext(1, SimulatedFault.Status(429, TimeSpan.FromSeconds(30)));

        var answer = await served.Chat("standard").CompleteChatAsync([new UserChatMessage("Fail over, please.")]);

        Assert.Equal("West US", Header(answer, "x-ms-region"));
        Assert.Contains("in West US", answer.Value.Content[0].Text);
        Assert.Equal(westUsCalls + 1, westUs.Service.Calls.Count);
        Assert.Contains(" region=\"West US\" ", await served.Log.NextAsync());
    }

    [Fact]
    public async Task An_unknown_key_is_refused_with_401_before_any_policy_runs()
    {
        using var http = new HttpClient();
        using var request = ChatRequest.To(served.Host.Address, "not-a-key-of-this-gateway", "hi");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("invalid subscription key", await response.Content.ReadAsStringAsync());
        Assert.StartsWith("401 POST /openai/deployments/gpt-4o/chat/completions caller=- ", await served.Log.NextAsync());
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_accepted_and_kept_out_of_the_log()
    {
        var key = served.KeyOf("standard");
        using var http = new HttpClient();
        using var request = ChatRequest.To(served.Host.Address, key: null, "key in the query", query: $"&api-key={key}");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var line = await served.Log.NextAsync();
        Assert.Contains(" caller=standard-local ", line);
        Assert.DoesNotContain(key, line);
    }

    [Fact]
    public async Task A_binary_megabyte_instead_of_json_is_an_error_answer_and_the_gateway_keeps_serving()
    {
        var garbage = new byte[1 << 20];
        new Random(8).NextBytes(garbage);
        using var http = new HttpClient();
        using var request = ChatRequest.To(served.Host.Address, served.KeyOf("standard"), "unused");
        request.Content = new ByteArrayContent(garbage);

        using var response = await http.SendAsync(request);
        var next = await served.Chat("standard").CompleteChatAsync([new UserChatMessage("Still there?")]);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("500 POST /openai/deployments/gpt-4o/chat/completions caller=standard-local ", await served.Log.NextAsync());
        Assert.StartsWith(AnswerPrefix, next.Value.Content[0].Text);
        Assert.StartsWith("200 ", await served.Log.NextAsync());
    }

    [Fact]
    public async Task A_simulated_region_answers_direct_calls_on_its_own_loopback_port()
    {
        var region = served.Host.Region("westus");
        using var http = new HttpClient();
        using var request = ChatRequest.To(region.Address, "any", "direct", deployment: "gpt-4o-mini");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("West US", response.Headers.GetValues("x-ms-region").Single());
        Assert.Contains("from deployment gpt-4o-mini (gpt-4o-mini) in West US", await response.Content.ReadAsStringAsync());
    }

    private static string? Header(ClientResult result, string name) =>
        result.GetRawResponse().Headers.TryGetValue(name, out var value) ? value : null;
}
