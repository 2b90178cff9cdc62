using Newtonsoft.Json.Linq;
using static ApimAiGateway.Fragments.Tests.CostGateway;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>usage-metrics (inbound) and usage-telemetry (outbound): token metrics and one chargeback record per call.</summary>
public sealed class UsageTelemetryTests
{
    private const string Namespace = "ai-gateway";
    private const string Logger = "ai-usage-logger";
    private static readonly string[] Fragments = ["cost-stream-usage", "usage-metrics", "cost-meter", "usage-telemetry"];

    private const string Inbound = """
        <include-fragment fragment-id="cost-stream-usage" />
        <include-fragment fragment-id="usage-metrics" />
        """;

    private const string Outbound = """
        <include-fragment fragment-id="cost-meter" />
        <include-fragment fragment-id="usage-telemetry" />
        """;

    [Fact]
    public async Task Token_metrics_carry_caller_product_model_and_region()
    {
        var fixture = new CostGateway(Fragments, Inbound, Outbound);
        var gateway = fixture.Builder.Build();

        await gateway.SendAsync(Chat(Body("Count my tokens")));

        var usage = fixture.Service.Calls[0].Usage!;
        var metrics = gateway.Services.Outputs.Metrics;
        Assert.Equal(usage.PromptTokens, metrics.Total("Prompt Tokens", Namespace));
        Assert.Equal(usage.CompletionTokens, metrics.Total("Completion Tokens", Namespace));
        var dimensions = metrics.Named("Total Tokens", Namespace).Single().Dimensions;
        Assert.Equal("team-a", dimensions["caller"]);
        Assert.Equal("ai", dimensions["product"]);
        Assert.Equal("chat", dimensions["model"]);
        // The harness's gateway names no region (context.Deployment.Region is empty), so the fallback shows.
        Assert.Equal("unknown", dimensions["region"]);
    }

    [Fact]
    public async Task A_stream_reports_its_real_usage_to_metrics_and_event_hub()
    {
        var fixture = new CostGateway(Fragments, Inbound, Outbound);
        var gateway = fixture.Builder.Build();

        await gateway.SendAsync(Chat(Body("Stream me a story", ""","stream":true""")));

        var usage = fixture.Service.Calls[0].Usage!;
        Assert.Equal(usage.TotalTokens, gateway.Services.Outputs.Metrics.Total("Total Tokens", Namespace));
        var record = JObject.Parse(gateway.Services.Outputs.EventHub.ForLogger(Logger).Single().Message);
        Assert.Equal(usage.PromptTokens, record.Value<long>("promptTokens"));
        Assert.Equal(usage.CompletionTokens, record.Value<long>("completionTokens"));
        Assert.False(record.Value<bool>("estimated"));
        Assert.True(decimal.Parse(record.Value<string>("cost")!, System.Globalization.CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Each_call_sends_one_chargeback_record_with_its_cost_to_the_named_logger()
    {
        var fixture = new CostGateway(Fragments, """<set-variable name="caller-id" value="app-42" />""" + Inbound, Outbound);
        var gateway = fixture.Builder.Build();

        var first = await gateway.SendAsync(Chat(Body("One")));
        await gateway.SendAsync(Chat(Body("Two"), key: "key-b"));

        var messages = gateway.Services.Outputs.EventHub.ForLogger(Logger);
        Assert.Equal(2, messages.Count);
        Assert.Equal("app-42", messages[0].PartitionKey);
        var record = JObject.Parse(messages[0].Message);
        var usage = fixture.Service.Calls[0].Usage!;
        Assert.Equal("ai-usage", record.Value<string>("type"));
        Assert.Equal("app-42", record.Value<string>("caller"));
        Assert.Equal("team-a", record.Value<string>("subscriptionId"));
        Assert.Equal("ai", record.Value<string>("productId"));
        Assert.Equal("openai", record.Value<string>("apiId"));
        Assert.Equal("gpt-4o", record.Value<string>("model"));
        Assert.Equal("chat", record.Value<string>("deployment"));
        Assert.Equal(fixture.Service.Region, record.Value<string>("backendRegion"));
        Assert.Equal(200, record.Value<int>("statusCode"));
        Assert.Equal(usage.PromptTokens, record.Value<long>("promptTokens"));
        Assert.Equal(first.Header("x-cost"), record.Value<string>("cost"));
        Assert.Equal("USD", record.Value<string>("currency"));
        Assert.Equal("team-b", JObject.Parse(messages[1].Message).Value<string>("subscriptionId"));
    }

    [Fact]
    public async Task A_failed_call_is_still_recorded_at_no_cost_and_emits_no_token_metric()
    {
        var fixture = new CostGateway(Fragments, Inbound, Outbound);
        var gateway = fixture.Builder.Build();

        await gateway.SendAsync(Chat(Body("Hi"), deployment: "missing"));

        var record = JObject.Parse(gateway.Services.Outputs.EventHub.ForLogger(Logger).Single().Message);
        Assert.Equal(404, record.Value<int>("statusCode"));
        Assert.Equal("0", record.Value<string>("cost"));
        Assert.Equal("missing", record.Value<string>("model"));
        Assert.Empty(gateway.Services.Outputs.Metrics.Records);
    }
}
