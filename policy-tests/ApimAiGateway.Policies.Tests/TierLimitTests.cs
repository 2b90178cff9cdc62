using System.Globalization;
using ApimAiGateway.Harness.Gateway;

namespace ApimAiGateway.Policies.Tests;

/// <summary>
/// The product scope: each tier's policy names its tier, and token-limits and request-hygiene size the caller's
/// limits from the tier's named values (token-limit-tpm-*, token-quota-*, max-prompt-chars-*, max-completion-tokens-*).
/// </summary>
public sealed class TierLimitTests
{
    /// <summary>Sends large prompts until the tier refuses; returns the tokens the gateway counted before that, and the refusal.</summary>
    private static async Task<(long Consumed, long Largest, GatewayResult Refusal, GatewayResult LastServed)> SpendUntilRefused(ComposedGateway gateway, Tier tier)
    {
        var prompt = Words(2000);
        long consumed = 0;
        long largest = 0;
        GatewayResult? served = null;
        for (var call = 0; call < 100; call++)
        {
            var result = await gateway.Ask(prompt + call, tier: tier);
            if (result.StatusCode != 200)
            {
                return (consumed, largest, result, served!);
            }

            var tokens = long.Parse(result.Header("x-tokens-consumed")!, CultureInfo.InvariantCulture);
            consumed += tokens;
            largest = Math.Max(largest, tokens);
            served = result;
        }

        throw new InvalidOperationException($"The {tier} tier never refused.");
    }

    /// <summary>Prose-like text of about <paramref name="length"/> characters (tokenizers are slow on one endless word).</summary>
    private static string Words(int length) =>
        string.Join(' ', Enumerable.Range(0, length / 8).Select(i => "word" + (i % 1000).ToString("000", CultureInfo.InvariantCulture)))[..(length - 8)];

    [Theory]
    [InlineData("basic")]
    [InlineData("standard")]
    [InlineData("premium")]
    public async Task Each_tier_is_refused_once_its_own_tokens_per_minute_are_spent(string name)
    {
        // Each tier gets its own small limit, so the test shows which named value each tier reads without spending
        // premium's real minute (tokenizing 800,000 characters of prompts).
        var tier = Tier.Named(name);
        var limits = new Dictionary<string, long> { ["basic"] = 3_000, ["standard"] = 6_000, ["premium"] = 12_000 };
        var gateway = new ComposedGateway(limits.ToDictionary(l => "token-limit-tpm-" + l.Key, l => l.Value.ToString(CultureInfo.InvariantCulture)));

        var (consumed, largest, refusal, lastServed) = await SpendUntilRefused(gateway, tier);

        var limit = limits[name];
        // The call that crosses the limit is admitted on its estimate and settled at its real usage, as in APIM.
        Assert.InRange(consumed, limit - 2 * largest, limit + largest);
        ErrorShape.Assert(refusal, 429, "TokenLimitExceeded");
        Assert.True(int.Parse(refusal.Header("Retry-After")!, CultureInfo.InvariantCulture) is > 0 and <= 60);
        Assert.Equal(Math.Max(0, limit - consumed), long.Parse(lastServed.Header("x-ratelimit-remaining-tokens")!, CultureInfo.InvariantCulture));
        Assert.NotNull(lastServed.Header("x-quota-remaining-tokens"));
        Assert.Empty(refusal.BackendCalls);
    }

    [Fact]
    public async Task The_minute_renews_and_other_callers_keep_their_own_tokens()
    {
        var gateway = new ComposedGateway();
        await SpendUntilRefused(gateway, Tier.Basic);

        var other = await gateway.Ask("Hello", Caller.Bob);
        gateway.Advance(TimeSpan.FromMinutes(1));
        var renewed = await gateway.Ask("Hello again");

        Assert.Equal(200, other.StatusCode);
        Assert.Equal(200, renewed.StatusCode);
    }

    [Fact]
    public async Task A_spent_quota_is_refused_with_403_until_the_period_renews()
    {
        var gateway = new ComposedGateway(new Dictionary<string, string> { ["token-quota-basic"] = "2000" });

        GatewayResult result;
        var calls = 0;
        do
        {
            result = await gateway.Ask(Words(3000) + calls++);
            gateway.Advance(TimeSpan.FromMinutes(1));
        }
        while (result.StatusCode == 200 && calls < 10);

        ErrorShape.Assert(result, 403, "TokenQuotaExceeded");
        Assert.True(long.Parse(result.Header("Retry-After")!, CultureInfo.InvariantCulture) > 60);
        Assert.InRange(calls, 2, 3);
    }

    [Fact]
    public async Task A_prompt_too_large_for_basic_is_refused_with_413_but_standard_takes_it()
    {
        var gateway = new ComposedGateway();
        var prompt = Words((int)Tier.Basic.Setting("max-prompt-chars") + 9);

        var basic = await gateway.Ask(prompt, tier: Tier.Basic);
        var standard = await gateway.Ask(prompt, tier: Tier.Standard);

        ErrorShape.Assert(basic, 413, "PromptTooLarge");
        Assert.Empty(basic.BackendCalls);
        Assert.Equal(200, standard.StatusCode);
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("premium")]
    public async Task Max_tokens_above_the_tiers_cap_reach_the_backend_as_the_cap(string name)
    {
        var tier = Tier.Named(name);
        var gateway = new ComposedGateway();

        var result = await gateway.Ask("Write an essay", tier: tier, extra: ""","max_tokens":100000""");

        Assert.Equal(200, result.StatusCode);
        var sent = Newtonsoft.Json.Linq.JObject.Parse(System.Text.Encoding.UTF8.GetString(result.BackendCalls[0].Request.Body.Span));
        Assert.Equal(tier.Setting("max-completion-tokens"), (long)sent["max_tokens"]!);
    }
}
