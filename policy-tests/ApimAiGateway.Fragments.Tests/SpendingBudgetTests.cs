using ApimAiGateway.Harness.Services;
using Newtonsoft.Json.Linq;
using static ApimAiGateway.Fragments.Tests.CostGateway;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>spending-budget (inbound) and spending-budget-record (outbound), metered by cost-meter.</summary>
public sealed class SpendingBudgetTests
{
    private static readonly string[] Fragments = ["cost-stream-usage", "cost-meter", "spending-budget", "spending-budget-record"];

    // The department and the tier come from headers only to drive the tests; a real API takes the department from
    // a validated token claim and the tier from its product policy.
    private const string Inbound = """
        <set-variable name="department" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-department&quot;, &quot;&quot;))" />
        <choose>
            <when condition="@(context.Request.Headers.ContainsKey(&quot;x-tier&quot;))">
                <set-variable name="product-tier" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-tier&quot;, &quot;&quot;))" />
            </when>
        </choose>
        <include-fragment fragment-id="spending-budget" />
        <include-fragment fragment-id="cost-stream-usage" />
        """;

    private const string Outbound = """
        <include-fragment fragment-id="cost-meter" />
        <include-fragment fragment-id="spending-budget-record" />
        """;

    /// <summary>Every call costs 0.0125 USD at gpt-4o prices: 1000 tokens in, 1000 out.</summary>
    private static CostGateway FixedCostGateway(string budgets) =>
        new(Fragments, Inbound, Outbound, new Dictionary<string, string> { ["spending-budgets"] = budgets }, "fixed.test");

    /// <summary>The external cache's spend entries by the key the fragments chose (the harness prefixes value keys).</summary>
    private static Dictionary<string, Harness.Stores.CacheEntry> SpendEntries(Harness.Gateway.SimulatedGateway gateway) =>
        gateway.Services.Stores.Caches.External!.Entries
            .Where(e => e.Key.Contains("spend|", StringComparison.Ordinal))
            .ToDictionary(e => e.Key[e.Key.IndexOf("spend|", StringComparison.Ordinal)..], e => e.Value);

    private static Harness.Gateway.SimulatedGateway Build(CostGateway fixture) =>
        fixture.Builder.WithService("fixed.test", _ => ServiceResponse.Json(JObject.Parse("""
            {"model":"gpt-4o","choices":[],"usage":{"prompt_tokens":1000,"completion_tokens":1000,"total_tokens":2000}}
            """))).Build();

    [Fact]
    public async Task The_spend_accumulates_across_requests_and_the_call_after_the_budget_is_refused_with_402()
    {
        var gateway = Build(FixedCostGateway("""{"default":0.03}"""));

        var admitted = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            var result = await gateway.SendAsync(Chat(Body("Hi")));
            Assert.Equal(200, result.StatusCode);
            admitted.Add(result.Header("x-budget-remaining"));
        }

        var refused = await gateway.SendAsync(Chat(Body("Hi")));

        Assert.Equal(["0.0175", "0.005", "0"], admitted);
        Assert.Equal(402, refused.StatusCode);
        Assert.Empty(refused.BackendCalls);
        var error = refused.BodyJson!["error"]!;
        Assert.Equal("BudgetExhausted", error["code"]!.Value<string>());
        Assert.Equal(
            "The monthly spending budget of 0.03 USD for subscription 'team-a' is spent; it resets on 2026-02-01 (UTC).",
            error["message"]!.Value<string>());
        Assert.False(string.IsNullOrEmpty(error["requestId"]!.Value<string>()));
        Assert.StartsWith("application/json", refused.Header("Content-Type"));
        Assert.Null(refused.Header("Retry-After"));
    }

    [Fact]
    public async Task A_subscription_that_spent_its_budget_does_not_block_another()
    {
        var gateway = Build(FixedCostGateway("""{"default":0.01}"""));

        await gateway.SendAsync(Chat(Body("Hi"), key: "key-a"));

        Assert.Equal(402, (await gateway.SendAsync(Chat(Body("Hi"), key: "key-a"))).StatusCode);
        Assert.Equal(200, (await gateway.SendAsync(Chat(Body("Hi"), key: "key-b"))).StatusCode);
    }

    [Fact]
    public async Task A_subscription_without_an_entry_of_its_own_gets_its_tiers_budget_and_the_message_names_the_tier()
    {
        var gateway = Build(FixedCostGateway("""{"default":1,"products":{"Basic":0.0125,"premium":0.05}}"""));

        var basic = await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-tier", "basic"));
        var refused = await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-tier", "basic"));
        var premium = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            premium.Add((await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-tier", "premium"))).StatusCode);
        }

        Assert.Equal(("0", 402), (basic.Header("x-budget-remaining"), refused.StatusCode));
        Assert.Equal(
            "The monthly spending budget of 0.0125 USD for subscription 'team-a' on tier 'Basic' is spent; it resets on 2026-02-01 (UTC).",
            refused.BodyJson!["error"]!["message"]!.Value<string>());
        Assert.Equal([200, 200, 200, 200], premium);
        Assert.Equal(402, (await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-tier", "premium"))).StatusCode);
    }

    [Fact]
    public async Task Without_a_listed_tier_the_product_id_finds_the_budget()
    {
        var gateway = Build(FixedCostGateway("""{"default":0.0125,"products":{"ai":0.025}}"""));

        var withoutTier = await gateway.SendAsync(Chat(Body("Hi"), key: "key-a"));
        var unlistedTier = await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-tier", "gold"));

        Assert.Equal("0.0125", withoutTier.Header("x-budget-remaining"));
        Assert.Equal("0.0125", unlistedTier.Header("x-budget-remaining"));
    }

    [Fact]
    public async Task A_subscription_whose_tier_and_product_are_unlisted_gets_the_default()
    {
        var gateway = Build(FixedCostGateway("""{"default":0.0125,"products":{"premium":1}}"""));

        await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-tier", "gold"));
        var refused = await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-tier", "gold"));

        Assert.Equal(
            "The monthly spending budget of 0.0125 USD for subscription 'team-b' is spent; it resets on 2026-02-01 (UTC).",
            refused.BodyJson!["error"]!["message"]!.Value<string>());
    }

    [Fact]
    public async Task A_subscriptions_own_budget_wins_over_its_tiers()
    {
        var gateway = Build(FixedCostGateway("""{"default":1,"products":{"basic":1},"subscriptions":{"TEAM-A":0.0125}}"""));

        await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-tier", "basic"));
        var refused = await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-tier", "basic"));
        var sameTier = await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-tier", "basic"));

        Assert.Equal(
            "The monthly spending budget of 0.0125 USD for subscription 'team-a' is spent; it resets on 2026-02-01 (UTC).",
            refused.BodyJson!["error"]!["message"]!.Value<string>());
        Assert.Equal("0.9875", sameTier.Header("x-budget-remaining"));
    }

    [Fact]
    public async Task A_department_shares_one_budget_across_subscriptions_and_its_name_ignores_case()
    {
        var gateway = Build(FixedCostGateway("""{"default":-1,"departments":{"Research":0.02}}"""));

        Assert.Equal(200, (await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-department", "research"))).StatusCode);
        Assert.Equal(200, (await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-department", "RESEARCH"))).StatusCode);
        var refused = await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-department", "Research"));

        Assert.Equal(402, refused.StatusCode);
        Assert.Contains("0.02 USD for department 'research'", refused.BodyJson!["error"]!["message"]!.Value<string>());
        Assert.Equal(200, (await gateway.SendAsync(Chat(Body("Hi"), key: "key-b"))).StatusCode);
    }

    [Fact]
    public async Task Both_the_department_and_the_subscription_budget_apply_and_the_message_names_only_the_one_spent()
    {
        var gateway = Build(FixedCostGateway("""{"default":-1,"departments":{"research":0.025},"subscriptions":{"team-a":0.0125}}"""));

        var first = await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-department", "research"));
        var subscriptionSpent = await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-department", "research"));
        var colleague = await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-department", "research"));
        var departmentSpent = await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-department", "research"));
        var outsideTheDepartment = await gateway.SendAsync(Chat(Body("Hi"), key: "key-b"));

        // What is left is the smaller of the two: team-a's 0 rather than research's 0.0125.
        Assert.Equal("0", first.Header("x-budget-remaining"));
        Assert.Equal(
            "The monthly spending budget of 0.0125 USD for subscription 'team-a' is spent; it resets on 2026-02-01 (UTC).",
            subscriptionSpent.BodyJson!["error"]!["message"]!.Value<string>());
        Assert.Equal("0", colleague.Header("x-budget-remaining"));
        Assert.Equal(
            "The monthly spending budget of 0.025 USD for department 'research' is spent; it resets on 2026-02-01 (UTC).",
            departmentSpent.BodyJson!["error"]!["message"]!.Value<string>());
        Assert.Equal(200, outsideTheDepartment.StatusCode);
        Assert.Null(outsideTheDepartment.Header("x-budget-remaining"));
    }

    [Fact]
    public async Task A_department_missing_from_the_list_has_no_budget_of_its_own()
    {
        var gateway = Build(FixedCostGateway("""{"default":0.0125,"departments":{"research":1}}"""));

        await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-department", "sales"));
        var subscriptionSpent = await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-department", "sales"));
        var colleague = await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-department", "sales"));

        Assert.Contains("for subscription 'team-a'", subscriptionSpent.BodyJson!["error"]!["message"]!.Value<string>());
        Assert.Equal(200, colleague.StatusCode);
    }

    [Fact]
    public async Task The_spend_is_recorded_under_the_subscriptions_and_the_departments_key_of_the_month()
    {
        var gateway = Build(FixedCostGateway("""{"default":-1}"""));

        await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-department", "Sales"));
        await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-department", "sales"));
        await gateway.SendAsync(Chat(Body("Hi"), key: "key-b"));

        var spend = SpendEntries(gateway);
        Assert.Equal(
            new Dictionary<string, object>
            {
                ["spend|2026-01|department:sales"] = "0.025",
                ["spend|2026-01|subscription:team-a"] = "0.0125",
                ["spend|2026-01|subscription:team-b"] = "0.025",
            },
            spend.ToDictionary(e => e.Key, e => e.Value.Value));
        // Kept until a day after the month ends, so an entry outlives every call of its month.
        Assert.All(spend.Values, e => Assert.Equal(new DateTimeOffset(2026, 2, 2, 0, 0, 0, TimeSpan.Zero), e.ExpiresAt));
    }

    [Fact]
    public async Task A_department_name_holding_the_key_separator_keeps_its_own_budget()
    {
        var gateway = Build(FixedCostGateway("""{"default":-1,"departments":{"a|b":0.01,"a":0.01}}"""));

        await gateway.SendAsync(Chat(Body("Hi")).WithHeader("x-department", "a|b"));
        var refused = await gateway.SendAsync(Chat(Body("Hi")).WithHeader("x-department", "a|b"));

        Assert.Equal(402, refused.StatusCode);
        Assert.Contains("for department 'a|b'", refused.BodyJson!["error"]!["message"]!.Value<string>());
        Assert.Equal(200, (await gateway.SendAsync(Chat(Body("Hi")).WithHeader("x-department", "a"))).StatusCode);
    }

    [Fact]
    public async Task A_new_month_on_the_gateway_clock_starts_the_subscription_and_the_department_from_zero()
    {
        var gateway = Build(FixedCostGateway("""{"default":0.01,"departments":{"research":0.01}}"""));
        gateway.VirtualClock!.Advance(TimeSpan.FromDays(31) - TimeSpan.FromMinutes(1));
        await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-department", "research"));
        Assert.Equal(402, (await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-department", "research"))).StatusCode);
        Assert.Equal(402, (await gateway.SendAsync(Chat(Body("Hi"), key: "key-a"))).StatusCode);

        gateway.VirtualClock.Advance(TimeSpan.FromMinutes(1));
        var february = await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-department", "research"));

        Assert.Equal(200, february.StatusCode);
        Assert.Equal("0", february.Header("x-budget-remaining"));
        Assert.Contains("spend|2026-02|department:research", SpendEntries(gateway).Keys);
    }

    [Fact]
    public async Task A_negative_budget_is_unlimited_and_sets_no_remaining_header()
    {
        var gateway = Build(FixedCostGateway("""{"default":0.01,"subscriptions":{"team-a":-1}}"""));

        await gateway.SendAsync(Chat(Body("Hi")));
        var second = await gateway.SendAsync(Chat(Body("Hi")));

        Assert.Equal(200, second.StatusCode);
        Assert.Null(second.Header("x-budget-remaining"));
    }

    [Fact]
    public async Task Streamed_calls_are_metered_so_they_trip_the_budget()
    {
        var fixture = new CostGateway(Fragments, Inbound, Outbound, new Dictionary<string, string> { ["spending-budgets"] = """{"default":0.000001}""" });
        var gateway = fixture.Builder.Build();
        var stream = Body("Stream me a story", ""","stream":true""");

        var first = await gateway.SendAsync(Chat(stream));
        var second = await gateway.SendAsync(Chat(stream));

        Assert.Equal(200, first.StatusCode);
        Assert.Equal("false", first.Header("x-cost-estimated"));
        Assert.Equal(402, second.StatusCode);
        Assert.Single(fixture.Service.Calls);
    }
}
