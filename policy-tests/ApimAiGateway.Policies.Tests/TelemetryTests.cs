using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Policies.Tests;

/// <summary>usage-metrics (token metrics by caller, product, model, region) and usage-telemetry (one Event Hub record per call).</summary>
public sealed class TelemetryTests
{
    private readonly ComposedGateway _gateway = new();

    private static string Namespace => ThisRepository.NamedValue("token-metrics-namespace");

    private IReadOnlyList<Harness.Services.Outputs.EventHubMessage> Records =>
        _gateway.Gateway.Services.Outputs.EventHub.ForLogger(ThisRepository.NamedValue("usage-eventhub-logger-id"));

    [Fact]
    public async Task Token_metrics_name_the_caller_the_product_and_the_deployment_an_alias_resolved_to()
    {
        await _gateway.Ask("Count me", Caller.Alice, Tier.Standard, deployment: "mini");

        var usage = Assert.Single(_gateway.AccountCalls).Usage!;
        var metrics = _gateway.Gateway.Services.Outputs.Metrics;
        Assert.Equal(usage.PromptTokens, metrics.Total("Prompt Tokens", Namespace));
        Assert.Equal(usage.CompletionTokens, metrics.Total("Completion Tokens", Namespace));
        var dimensions = metrics.Named("Total Tokens", Namespace).Single().Dimensions;
        Assert.Equal(Caller.Alice.ObjectId, dimensions["caller"]);
        Assert.Equal(Tier.Standard.ProductId, dimensions["product"]);
        Assert.Equal("gpt-4o-mini", dimensions["model"]);
    }

    [Fact]
    public async Task Each_call_sends_one_usage_record_with_who_called_where_and_what_it_cost()
    {
        var researcher = new Caller("researcher-oid", Department: "research");

        var result = await _gateway.Ask("Record me", researcher, Tier.Premium);

        var record = JObject.Parse(Assert.Single(Records).Message);
        var usage = Assert.Single(_gateway.AccountCalls).Usage!;
        Assert.Equal("researcher-oid", record.Value<string>("caller"));
        Assert.Equal("research", record.Value<string>("department"));
        Assert.Equal(Tier.Premium.SubscriptionId, record.Value<string>("subscriptionId"));
        Assert.Equal(Tier.Premium.ProductId, record.Value<string>("productId"));
        Assert.Equal("gpt-4o", record.Value<string>("deployment"));
        Assert.Equal("East US", record.Value<string>("backendRegion"));
        Assert.Equal(usage.PromptTokens, record.Value<long>("promptTokens"));
        Assert.Equal(usage.CompletionTokens, record.Value<long>("completionTokens"));
        Assert.Equal(result.Header("x-cost"), record.Value<string>("cost"));
        Assert.DoesNotContain("Record me", record.ToString());
    }

    [Fact]
    public async Task A_refused_call_is_not_metered()
    {
        await _gateway.Ask("Hello", deployment: "unknown-model");

        Assert.Empty(Records);
        Assert.Empty(_gateway.Gateway.Services.Outputs.Metrics.Records);
    }
}
