using System.Globalization;
using ApimAiGateway.Harness.Gateway;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Policies.Tests;

/// <summary>
/// cost-meter prices each call from the usage the backend reported; spending-budget refuses a call whose
/// subscription (budget by subscription, else by tier) or department has spent its month, and spending-budget-record
/// adds each call's cost to both after the answer.
/// </summary>
public sealed class CostAndBudgetTests
{
    [Fact]
    public async Task The_cost_headers_price_the_backends_real_usage()
    {
        var gateway = new ComposedGateway();

        var result = await gateway.Ask("Price me");

        var usage = Assert.Single(gateway.AccountCalls).Usage!;
        Assert.Equal(Costs.Expected("gpt-4o", usage), Costs.Of(result));
        Assert.Equal("USD", result.Header("x-cost-currency"));
        Assert.Equal("false", result.Header("x-cost-estimated"));
    }

    [Fact]
    public async Task A_spent_budget_is_refused_with_402_and_a_clear_message_before_any_backend_call()
    {
        var gateway = new ComposedGateway(new Dictionary<string, string> { ["spending-budgets"] = """{"default":0.0001,"departments":{},"subscriptions":{}}""" });

        var first = await gateway.Ask("Spend it");
        var refused = await gateway.Ask("Spend more");

        Assert.Equal(200, first.StatusCode);
        Assert.Equal("0", first.Header("x-budget-remaining"));
        var error = ErrorShape.Assert(refused, 402, "BudgetExhausted");
        Assert.Contains("subscription 'team-basic'", (string?)error["message"]);
        Assert.Contains("resets on 2026-02-01", (string?)error["message"]);
        Assert.Empty(refused.BackendCalls);
    }

    [Fact]
    public async Task The_department_claim_is_charged_against_the_departments_budget()
    {
        var gateway = new ComposedGateway(new Dictionary<string, string>
        {
            ["spending-budgets"] = """{"default":-1,"departments":{"research":1},"subscriptions":{}}""",
        });
        var researcher = new Caller("researcher-oid", Department: "research");

        var result = await gateway.Ask("Research this", researcher);
        var unlimited = await gateway.Ask("Research this too");

        var remaining = decimal.Parse(result.Header("x-budget-remaining")!, CultureInfo.InvariantCulture);
        Assert.Equal(1m - Costs.Of(result), remaining);
        Assert.Null(unlimited.Header("x-budget-remaining"));
    }

    [Theory]
    [InlineData("basic")]
    [InlineData("standard")]
    [InlineData("premium")]
    public async Task Each_tier_is_charged_against_its_own_monthly_budget_from_the_named_value(string name)
    {
        var tier = Tier.Named(name);
        var gateway = new ComposedGateway();

        var result = await gateway.Ask("Charge my tier", tier: tier);

        var budget = JObject.Parse(ThisRepository.NamedValue("spending-budgets"))["products"]![name]!.Value<decimal>();
        Assert.Equal(budget - Costs.Of(result), decimal.Parse(result.Header("x-budget-remaining")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_shipped_tier_budgets_grow_with_the_tier()
    {
        var products = JObject.Parse(ThisRepository.NamedValue("spending-budgets"))["products"]!;

        var budgets = Tier.All.Select(t => products[t.Name]!.Value<decimal>()).ToList();

        Assert.All(budgets, b => Assert.True(b > 0));
        Assert.Equal(budgets.Order(), budgets);
        Assert.Equal(budgets.Count, budgets.Distinct().Count());
    }

    [Fact]
    public async Task A_basic_caller_is_refused_after_spending_less_than_a_premium_caller_can()
    {
        var gateway = new ComposedGateway(new Dictionary<string, string>
        {
            ["spending-budgets"] = """{"default":-1,"departments":{},"products":{"basic":0.0001,"premium":1},"subscriptions":{}}""",
        });

        var basic = await gateway.Ask("Spend it", tier: Tier.Basic);
        var basicRefused = await gateway.Ask("Spend more", tier: Tier.Basic);
        var premium = new List<GatewayResult>();
        for (var i = 0; i < 3; i++)
        {
            premium.Add(await gateway.Ask("Spend it", tier: Tier.Premium));
        }

        var error = ErrorShape.Assert(basicRefused, 402, "BudgetExhausted");
        Assert.Contains("subscription 'team-basic' on tier 'basic' is spent", (string?)error["message"]);
        Assert.All(premium, p => Assert.Equal(200, p.StatusCode));
        Assert.True(premium.Sum(Costs.Of) > Costs.Of(basic));
        Assert.Equal(1m - premium.Sum(Costs.Of), decimal.Parse(premium[^1].Header("x-budget-remaining")!, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_premium_team_cannot_spend_more_than_its_departments_budget()
    {
        var gateway = new ComposedGateway(new Dictionary<string, string>
        {
            ["spending-budgets"] = """{"default":-1,"departments":{"research":0.0001},"products":{"premium":1},"subscriptions":{}}""",
        });
        var researcher = new Caller("researcher-oid", Department: "research");

        var first = await gateway.Ask("Research this", researcher, Tier.Premium);
        var refused = await gateway.Ask("Research more", researcher, Tier.Premium);
        var outsideResearch = await gateway.Ask("Something else", tier: Tier.Premium);

        Assert.Equal(200, first.StatusCode);
        var message = (string?)ErrorShape.Assert(refused, 402, "BudgetExhausted")["message"];
        Assert.Contains("for department 'research' is spent", message);
        Assert.DoesNotContain("subscription", message);
        Assert.Empty(refused.BackendCalls);
        Assert.Equal(200, outsideResearch.StatusCode);
        Assert.Equal(1m - Costs.Of(first) - Costs.Of(outsideResearch),
            decimal.Parse(outsideResearch.Header("x-budget-remaining")!, CultureInfo.InvariantCulture));
    }
}
