using ApimAiGateway.Harness.Services;
using Newtonsoft.Json.Linq;
using static ApimAiGateway.Fragments.Tests.CostGateway;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>spending-budget (inbound) and spending-budget-record (outbound), metered by cost-meter.</summary>
public sealed class SpendingBudgetTests
{
    private static readonly string[] Fragments = ["cost-stream-usage", "cost-meter", "spending-budget", "spending-budget-record"];

    // The department comes from a header only to drive the tests; a real API takes it from a validated token claim.
    private const string Inbound = """
        <set-variable name="department" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-department&quot;, &quot;&quot;))" />
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
    public async Task A_department_shares_one_budget_across_subscriptions_and_its_name_ignores_case()
    {
        var gateway = Build(FixedCostGateway("""{"default":0.01,"departments":{"Research":0.02}}"""));

        Assert.Equal(200, (await gateway.SendAsync(Chat(Body("Hi"), key: "key-a").WithHeader("x-department", "research"))).StatusCode);
        Assert.Equal(200, (await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-department", "RESEARCH"))).StatusCode);
        var refused = await gateway.SendAsync(Chat(Body("Hi"), key: "key-b").WithHeader("x-department", "Research"));

        Assert.Equal(402, refused.StatusCode);
        Assert.Contains("0.02 USD for department 'research'", refused.BodyJson!["error"]!["message"]!.Value<string>());
        Assert.Equal(200, (await gateway.SendAsync(Chat(Body("Hi"), key: "key-b"))).StatusCode);
    }

    [Fact]
    public async Task A_department_name_holding_the_key_separator_keeps_its_own_budget()
    {
        var gateway = Build(FixedCostGateway("""{"default":0.01}"""));

        await gateway.SendAsync(Chat(Body("Hi")).WithHeader("x-department", "a|b"));
        var refused = await gateway.SendAsync(Chat(Body("Hi")).WithHeader("x-department", "a|b"));

        Assert.Equal(402, refused.StatusCode);
        Assert.Contains("for department 'a|b'", refused.BodyJson!["error"]!["message"]!.Value<string>());
        Assert.Equal(200, (await gateway.SendAsync(Chat(Body("Hi")).WithHeader("x-department", "a"))).StatusCode);
    }

    [Fact]
    public async Task A_new_month_on_the_gateway_clock_starts_from_zero()
    {
        var gateway = Build(FixedCostGateway("""{"default":0.01}"""));
        gateway.VirtualClock!.Advance(TimeSpan.FromDays(31) - TimeSpan.FromMinutes(1));
        await gateway.SendAsync(Chat(Body("Hi")));
        Assert.Equal(402, (await gateway.SendAsync(Chat(Body("Hi")))).StatusCode);

        gateway.VirtualClock.Advance(TimeSpan.FromMinutes(1));
        var february = await gateway.SendAsync(Chat(Body("Hi")));

        Assert.Equal(200, february.StatusCode);
        Assert.Equal("0", february.Header("x-budget-remaining"));
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
