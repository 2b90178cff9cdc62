using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Tokenization;
using Newtonsoft.Json.Linq;
using static ApimAiGateway.Fragments.Tests.TieredOpenAiGateway;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// fragments/token-limits.xml with its on-error pair token-limits-errors.xml: per-caller, per-tier tokens per minute
/// and token quota on llm-token-limit (apim-reference §4.31, llm-token-limit-policy page).
/// </summary>
public sealed class TokenLimitsTests
{
    private static readonly string Hello = Body("Hello there, how are you today?");

    private static readonly Dictionary<string, string> Limits = new()
    {
        ["token-limit-tpm-basic"] = "200",
        ["token-limit-tpm-standard"] = "100000",
        ["token-limit-tpm-premium"] = "100000",
        ["token-quota-basic"] = "1000000",
        ["token-quota-standard"] = "300",
        ["token-quota-premium"] = "1000000",
        ["token-quota-period"] = "Monthly",
    };

    private static readonly int HelloEstimate = PromptTokenEstimator.Estimate(JObject.Parse(Hello), "chat");

    private static TieredOpenAiGateway Fixture(IReadOnlyDictionary<string, string>? limits = null, string before = "") => new(
        ["token-limits", "token-limits-errors"],
        before + """<include-fragment fragment-id="token-limits" />""",
        limits ?? Limits,
        onError: """<include-fragment fragment-id="token-limits-errors" />""");

    [Fact]
    public async Task Each_tier_gets_its_own_tokens_per_minute_and_quota_reported_in_headers()
    {
        var fixture = Fixture();
        var gateway = fixture.Builder.Build();

        var basic = await gateway.SendAsync(Chat(Hello, "sub-basic"));
        var standard = await gateway.SendAsync(Chat(Hello, "sub-standard"));

        var consumed = fixture.Service.Calls[0].Usage!.TotalTokens;
        Assert.Equal(200, basic.StatusCode);
        Assert.Equal(consumed.ToString(), basic.Header("x-tokens-consumed"));
        Assert.Equal((200 - consumed).ToString(), basic.Header("x-ratelimit-remaining-tokens"));
        Assert.Equal((1_000_000 - consumed).ToString(), basic.Header("x-quota-remaining-tokens"));
        Assert.Equal("basic", basic.Variables["token-limit-tier"]);
        Assert.Equal((100_000 - consumed).ToString(), standard.Header("x-ratelimit-remaining-tokens"));
        Assert.Equal((300 - consumed).ToString(), standard.Header("x-quota-remaining-tokens"));
        Assert.Equal("standard", standard.Variables["token-limit-tier"]);
    }

    [Fact]
    public async Task A_prompt_over_the_tier_limit_is_refused_with_429_in_the_json_error_shape_before_the_backend()
    {
        var limits = new Dictionary<string, string>(Limits) { ["token-limit-tpm-basic"] = (HelloEstimate - 1).ToString() };
        var fixture = Fixture(limits);
        var gateway = fixture.Builder.Build();

        var basic = await gateway.SendAsync(Chat(Hello, "sub-basic"));
        var premium = await gateway.SendAsync(Chat(Hello, "sub-premium"));

        Assert.Equal(429, basic.StatusCode);
        Assert.Equal("60", basic.Header("Retry-After"));
        Assert.StartsWith("application/json", basic.Header("Content-Type"));
        var error = basic.BodyJson!["error"]!;
        Assert.Equal("TokenLimitExceeded", (string?)error["code"]);
        Assert.True(Guid.TryParse((string?)error["requestId"], out var requestId) && requestId != Guid.Empty);
        Assert.DoesNotContain("counter", basic.BodyText, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(200, premium.StatusCode);
        Assert.Single(fixture.Service.Calls);
    }

    [Fact]
    public async Task The_minute_window_refills_on_the_clock()
    {
        var gateway = Fixture().Builder.Build();

        var refused = await SpendUntilRefused(gateway, "sub-basic");
        gateway.VirtualClock!.Advance(TimeSpan.FromMinutes(1));
        var refilled = await gateway.SendAsync(Chat(Hello, "sub-basic"));

        Assert.Equal(429, refused.StatusCode);
        Assert.Equal(200, refilled.StatusCode);
    }

    [Fact]
    public async Task A_spent_quota_is_refused_with_403_until_the_next_period()
    {
        var gateway = Fixture().Builder.Build();

        var spent = await SpendUntilRefused(gateway, "sub-standard");
        gateway.VirtualClock!.Advance(TimeSpan.FromHours(1));
        var sameMonth = await gateway.SendAsync(Chat(Hello, "sub-standard"));
        gateway.VirtualClock.Advance(TimeSpan.FromDays(31));
        var nextMonth = await gateway.SendAsync(Chat(Hello, "sub-standard"));

        Assert.Equal(403, spent.StatusCode);
        Assert.Equal("TokenQuotaExceeded", (string?)spent.BodyJson!["error"]!["code"]);
        Assert.NotNull(spent.Header("Retry-After"));
        Assert.Equal(403, sameMonth.StatusCode);
        Assert.Equal(200, nextMonth.StatusCode);
    }

    [Fact]
    public async Task Two_subscriptions_on_one_tier_have_separate_budgets()
    {
        var gateway = Fixture().Builder.Build();

        var spent = await SpendUntilRefused(gateway, "sub-basic");
        var other = await gateway.SendAsync(Chat(Hello, "sub-basic-2"));

        Assert.Equal(429, spent.StatusCode);
        Assert.Equal(200, other.StatusCode);
    }

    [Fact]
    public async Task The_caller_id_variable_keys_the_budget_instead_of_the_subscription()
    {
        var fixture = Fixture(before: """<set-variable name="caller-id" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-caller&quot;, &quot;&quot;))" />""");
        var gateway = fixture.Builder.Build();

        GatewayCall As(string caller) => Chat(Hello, "sub-basic").WithHeader("x-caller", caller);
        GatewayResult last;
        do
        {
            last = await gateway.SendAsync(As("alice"));
        }
        while (last.StatusCode == 200 && fixture.Service.Calls.Count < 20);

        var bob = await gateway.SendAsync(As("bob"));
        var aliceAgain = await gateway.SendAsync(As("alice"));

        Assert.Equal(429, last.StatusCode);
        Assert.Equal(200, bob.StatusCode);
        Assert.Equal(429, aliceAgain.StatusCode);
        Assert.Equal("caller:bob", bob.Variables["token-limit-caller"]);
    }

    [Fact]
    public async Task A_streamed_answer_is_metered_and_its_tokens_trip_the_budget()
    {
        var stream = Body("Stream me a story", ""","stream":true""");
        var fixture = Fixture();
        var gateway = fixture.Builder.Build();

        var streamed = await gateway.SendAsync(Chat(stream, "sub-standard"));

        var usage = fixture.Service.Calls[0].Usage!;
        var consumed = int.Parse(streamed.Header("x-tokens-consumed")!);
        Assert.True(fixture.Service.Calls[0].Streamed);
        Assert.True(usage.CompletionTokens > 0);
        Assert.Equal(PromptTokenEstimator.Estimate(JObject.Parse(stream), "chat") + usage.CompletionTokens, consumed);
        Assert.Equal((300 - consumed).ToString(), streamed.Header("x-quota-remaining-tokens"));
    }

    [Fact]
    public async Task Budgets_outlive_the_request_that_spent_them()
    {
        var gateway = Fixture().Builder.Build();

        var first = await gateway.SendAsync(Chat(Hello, "sub-standard"));
        var second = await gateway.SendAsync(Chat(Hello, "sub-standard"));

        var afterFirst = int.Parse(first.Header("x-quota-remaining-tokens")!);
        var afterSecond = int.Parse(second.Header("x-quota-remaining-tokens")!);
        Assert.Equal(afterFirst - int.Parse(second.Header("x-tokens-consumed")!), afterSecond);
    }

    [Fact]
    public async Task Errors_that_are_not_token_refusals_pass_through_untouched()
    {
        var gateway = Fixture().Builder.Build();

        var result = await gateway.SendAsync(Chat(Hello, "sub-basic") with { Headers = [new("api-key", "secret")] });

        Assert.Equal(401, result.StatusCode);
        Assert.Null(result.BodyJson?["error"]?["requestId"]);
    }

    private static async Task<GatewayResult> SpendUntilRefused(SimulatedGateway gateway, string subscription)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var result = await gateway.SendAsync(Chat(Hello, subscription));
            if (result.StatusCode != 200)
            {
                return result;
            }
        }

        throw new Xunit.Sdk.XunitException($"{subscription} was never refused.");
    }
}
