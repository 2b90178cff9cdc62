using System.ClientModel;
using System.Text;
using ApimAiGateway.Hosting.Identity;
using Newtonsoft.Json.Linq;
using OpenAI.Chat;

namespace ApimAiGateway.Hosting.Tests.Repository;

/// <summary>
/// The README's main command on this repository: the composed gateway (caller identity, tiers, routing over the
/// residency pools, cost headers) answers the official Azure OpenAI client over loopback HTTP.
/// </summary>
public sealed class ThisRepositoryServeTests(ServedThisRepository served) : IClassFixture<ServedThisRepository>
{
    [Fact]
    public void Startup_writes_a_token_per_subscription_and_names_the_file_without_printing_a_token()
    {
        var file = served.Host.Description.CallerTokensFile;
        Assert.NotNull(file);
        var tokens = (JObject)JObject.Parse(File.ReadAllText(file))["tokens"]!;
        Assert.Equal(served.Host.Description.Subscriptions.Select(s => s.Id).Order(), tokens.Properties().Select(p => p.Name).Order());
        Assert.Contains($"caller tokens  {file}", served.Summary);
        Assert.All(tokens.Properties(), token => Assert.DoesNotContain(token.Value.Value<string>()!, served.Summary));
    }

    [Fact]
    public async Task A_caller_with_key_and_token_gets_an_answer_routed_charged_and_logged()
    {
        var answer = await served.Chat("ai-standard").CompleteChatAsync([new UserChatMessage("Hello from the repository's gateway.")]);

        Assert.False(string.IsNullOrWhiteSpace(answer.Value.Content[0].Text));
        var response = answer.GetRawResponse();
        Assert.True(response.Headers.TryGetValue("x-ms-region", out var region) && region is "East US" or "West US", $"region {region}");
        var line = await served.Log.NextAsync();
        var caller = LocalCallerTokens.CallerId(served.Host.Description.Subscriptions.Single(s => s.ProductId == "ai-standard"));
        Assert.StartsWith($"200 POST /openai/deployments/gpt-4o/chat/completions caller={caller} tokens={answer.Value.Usage.TotalTokenCount} ", line);
        Assert.DoesNotContain("cost=-", line);
    }

    [Fact]
    public async Task A_streamed_completion_is_assembled_by_the_client_and_metered()
    {
        var text = new StringBuilder();
        ChatTokenUsage? usage = null;
        await foreach (var update in served.Chat("ai-premium").CompleteChatStreamingAsync([new UserChatMessage("Stream through the composed gateway.")]))
        {
            usage ??= update.Usage;
            text.Append(string.Concat(update.ContentUpdate.Select(part => part.Text)));
        }

        Assert.NotEqual(0, text.Length);
        Assert.NotNull(usage);
        Assert.True(usage.TotalTokenCount > 0);
        Assert.Contains($" tokens={usage.TotalTokenCount} ", await served.Log.NextAsync());
    }

    [Fact]
    public async Task A_key_without_a_token_is_refused_with_401_in_the_one_error_shape()
    {
        var refused = await Assert.ThrowsAsync<ClientResultException>(() =>
            served.Chat("ai-basic", withToken: false).CompleteChatAsync([new UserChatMessage("No token.")]));

        Assert.Equal(401, refused.Status);
        var error = JObject.Parse(refused.GetRawResponse()!.Content.ToString())["error"]!;
        Assert.Equal("Unauthorized", error["code"]!.Value<string>());
        Assert.False(string.IsNullOrEmpty(error["requestId"]!.Value<string>()));
        Assert.StartsWith("401 POST ", await served.Log.NextAsync());
    }
}
