using ApimAiGateway.Harness.Services.AzureOpenAi;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Services.AzureOpenAi;

public sealed class RateLimitTests
{
    // "hello world" as one user message is 9 prompt tokens; max_tokens sets the rest of each request's charge.
    private const string FiftyTokenRequest = """{"messages":[{"role":"user","content":"hello world"}],"max_tokens":41}""";
    private const string FourHundredTokenRequest = """{"messages":[{"role":"user","content":"hello world"}],"max_tokens":391}""";
    private const string NineHundredFiftyTokenRequest = """{"messages":[{"role":"user","content":"hello world"}],"max_tokens":941}""";

    [Fact]
    public async Task Requests_charge_prompt_plus_max_tokens_and_report_what_remains()
    {
        var aoai = new AzureOpenAiFixture(tokensPerMinute: 1000);

        var response = await aoai.ChatResponse(FiftyTokenRequest);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("950", response.Headers.GetValueOrDefault("x-ratelimit-remaining-tokens"));
        Assert.Equal("5", response.Headers.GetValueOrDefault("x-ratelimit-remaining-requests"));
    }

    [Fact]
    public async Task Exceeding_the_tokens_per_minute_is_a_429_with_retry_after()
    {
        var aoai = new AzureOpenAiFixture(tokensPerMinute: 1000);
        await aoai.ChatResponse(FourHundredTokenRequest);
        aoai.Clock.Advance(TimeSpan.FromSeconds(20));
        await aoai.ChatResponse(FourHundredTokenRequest);
        aoai.Clock.Advance(TimeSpan.FromSeconds(10));

        var refused = await aoai.ChatResponse(FourHundredTokenRequest);

        var error = refused.BodyAs<JObject>()!;
        Assert.Equal(429, refused.StatusCode);
        Assert.Equal("429", (string?)error.SelectToken("error.code"));
        Assert.Contains("exceeded token rate limit", (string?)error.SelectToken("error.message"));
        Assert.Contains("Please retry after 30 seconds", (string?)error.SelectToken("error.message"));
        Assert.Equal("30", refused.Headers.GetValueOrDefault("Retry-After"));
        Assert.Equal("200", refused.Headers.GetValueOrDefault("x-ratelimit-remaining-tokens"));
        Assert.Equal("East US", refused.Headers.GetValueOrDefault("x-ms-region"));
    }

    [Fact]
    public async Task Capacity_refills_as_the_virtual_clock_moves_the_window()
    {
        var aoai = new AzureOpenAiFixture(tokensPerMinute: 1000);
        await aoai.ChatResponse(FourHundredTokenRequest);
        await aoai.ChatResponse(FourHundredTokenRequest);
        Assert.Equal(429, (await aoai.ChatResponse(FourHundredTokenRequest)).StatusCode);

        aoai.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(429, (await aoai.ChatResponse(FourHundredTokenRequest)).StatusCode);

        aoai.Clock.Advance(TimeSpan.FromSeconds(1));
        var admitted = await aoai.ChatResponse(FourHundredTokenRequest);
        Assert.Equal(200, admitted.StatusCode);
        Assert.Equal("600", admitted.Headers.GetValueOrDefault("x-ratelimit-remaining-tokens"));
    }

    [Fact]
    public async Task Refused_requests_charge_nothing()
    {
        var aoai = new AzureOpenAiFixture(tokensPerMinute: 1000);
        await aoai.ChatResponse(NineHundredFiftyTokenRequest);

        Assert.Equal(429, (await aoai.ChatResponse(NineHundredFiftyTokenRequest)).StatusCode);
        var small = await aoai.ChatResponse(FiftyTokenRequest);

        Assert.Equal(200, small.StatusCode);
        Assert.Equal("0", small.Headers.GetValueOrDefault("x-ratelimit-remaining-tokens"));
    }

    // Azure grants 6 requests per minute per 1,000 tokens per minute (Microsoft Learn, "Azure OpenAI quota management").
    [Fact]
    public async Task Exceeding_the_requests_per_minute_is_a_429_for_the_call_rate()
    {
        var aoai = new AzureOpenAiFixture(tokensPerMinute: 1000);
        for (var i = 0; i < 6; i++)
        {
            aoai.Clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Equal(200, (await aoai.ChatResponse(AzureOpenAiFixture.UserMessage("hi", ""","max_tokens":1"""))).StatusCode);
        }

        var refused = await aoai.ChatResponse(AzureOpenAiFixture.UserMessage("hi", ""","max_tokens":1"""));

        Assert.Equal(429, refused.StatusCode);
        Assert.Contains("exceeded call rate limit", (string?)refused.BodyAs<JObject>()!.SelectToken("error.message"));
        Assert.Equal("55", refused.Headers.GetValueOrDefault("Retry-After"));
        Assert.Equal("0", refused.Headers.GetValueOrDefault("x-ratelimit-remaining-requests"));
    }

    [Fact]
    public async Task Embeddings_share_the_capacity_and_charge_their_input()
    {
        var aoai = new AzureOpenAiFixture(tokensPerMinute: 1000);

        var outcome = await aoai.Post($"/openai/deployments/embed/embeddings?api-version={AzureOpenAiFixture.ApiVersion}", """{"input":"hello world"}""");

        Assert.Equal("998", outcome.Response!.Headers.GetValueOrDefault("x-ratelimit-remaining-tokens"));
        Assert.Equal(AzureOpenAiOperation.Embeddings, aoai.Service.Calls.Single().Operation);
    }
}
