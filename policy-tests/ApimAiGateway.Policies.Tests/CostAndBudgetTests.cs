using System.Globalization;

namespace ApimAiGateway.Policies.Tests;

/// <summary>
/// cost-meter prices each call from the usage the backend reported; spending-budget refuses a department or
/// subscription whose month is spent, and spending-budget-record adds each call's cost after the answer.
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
}
