using ApimAiGateway.Harness.Services.Outputs;
using static ApimAiGateway.Harness.Tests.Execution.Messages.MessageGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Messages;

/// <summary>trace, emit-metric and log-to-eventhub: what the gateway emits besides the response.</summary>
public sealed class OutputPolicyTests
{
    [Fact]
    public async Task Trace_writes_source_severity_message_and_metadata()
    {
        // apim-reference §4.16: severity defaults to verbose; <message> may be an expression; <metadata name value/>.
        var gateway = Build(Policy("""
            <trace source="orders-api"><message>@("caller " + context.Subscription.Id)</message></trace>
            <trace source="orders-api" severity="error"><message>bad</message><metadata name="code" value="@(context.Request.Method)" /></trace>
            """));

        await gateway.SendAsync(Call());

        var traces = gateway.Services.Outputs.Traces.FromSource("orders-api");
        Assert.Equal(2, traces.Count);
        Assert.Equal((TraceSeverity.Verbose, "caller sub-1"), (traces[0].Severity, traces[0].Message));
        Assert.Equal(TraceSeverity.Error, traces[1].Severity);
        Assert.Equal("GET", traces[1].Metadata["code"]);
        Assert.Equal(gateway.VirtualClock!.GetUtcNow(), traces[0].Timestamp);
    }

    [Fact]
    public async Task Emit_metric_defaults_value_and_namespace_and_fills_default_dimensions()
    {
        // apim-reference §4.17: value defaults to 1, namespace to "API Management"; default dimensions may omit
        // value and are filled by the gateway.
        var gateway = Build(Policy("""
            <emit-metric name="calls">
              <dimension name="API ID" /><dimension name="Operation ID" /><dimension name="Product ID" />
              <dimension name="Subscription ID" /><dimension name="Gateway ID" /><dimension name="Location" />
              <dimension name="tier" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-tier&quot;, &quot;free&quot;))" />
            </emit-metric>
            """));

        await gateway.SendAsync(Call());

        var metric = Assert.Single(gateway.Services.Outputs.Metrics.Named("calls"));
        Assert.Equal(1d, metric.Value);
        Assert.Equal("API Management", metric.Namespace);
        Assert.Equal("orders", metric.Dimensions["API ID"]);
        Assert.Equal("*", metric.Dimensions["Operation ID"]);
        Assert.Equal("gold", metric.Dimensions["Product ID"]);
        Assert.Equal("sub-1", metric.Dimensions["Subscription ID"]);
        Assert.Equal("managed", metric.Dimensions["Gateway ID"]);
        Assert.Equal(string.Empty, metric.Dimensions["Location"]);
        Assert.Equal("free", metric.Dimensions["tier"]);
    }

    [Fact]
    public async Task Emit_metric_value_may_be_an_expression_and_namespace_custom()
    {
        var gateway = Build(Policy("<emit-metric name=\"size\" namespace=\"shop\" value=\"@(2.5 * 2)\"><dimension name=\"User ID\" /></emit-metric>"));

        await gateway.SendAsync(Call());
        await gateway.SendAsync(Call());

        Assert.Equal(10d, gateway.Services.Outputs.Metrics.Total("size", "shop"));
        Assert.Equal(string.Empty, gateway.Services.Outputs.Metrics.Named("size", "shop")[0].Dimensions["User ID"]);
    }

    [Fact]
    public async Task Log_to_eventhub_sends_the_text_with_partition_key()
    {
        // apim-reference §4.18: logger-id, partition-key (expression) and the element text as the message.
        var gateway = Build(Policy("<log-to-eventhub logger-id=\"audit\" partition-key=\"@(context.Subscription.Id)\">@(context.Request.Method + \" \" + context.Request.Url.Path)</log-to-eventhub>"));

        await gateway.SendAsync(Call());

        var message = Assert.Single(gateway.Services.Outputs.EventHub.ForLogger("audit"));
        Assert.Equal(("GET /orders/1", "sub-1", (string?)null), (message.Message, message.PartitionKey, message.PartitionId));
    }

    [Fact]
    public async Task Log_to_eventhub_truncates_messages_over_200_kb_through_the_sink()
    {
        // apim-reference §4.18: a message above 200 KB is truncated to 200 KB.
        var gateway = Build(Policy("<log-to-eventhub logger-id=\"audit\" partition-id=\"1\">@(new string('x', 300 * 1024))</log-to-eventhub>"));

        await gateway.SendAsync(Call());

        var message = Assert.Single(gateway.Services.Outputs.EventHub.Messages);
        Assert.True(message.IsTruncated);
        Assert.Equal(EventHubSink.MaxMessageBytes, message.Message.Length);
        Assert.Equal("1", message.PartitionId);
    }

    [Fact]
    public async Task Outputs_are_written_from_on_error_too()
    {
        // apim-reference §5.2: trace, emit-metric and log-to-eventhub are typical on-error policies.
        var gateway = Build(Policy(
            "<check-header name=\"x-need\" failed-check-httpcode=\"400\" failed-check-error-message=\"need\" ignore-case=\"true\" />",
            onError: "<log-to-eventhub logger-id=\"errors\">@(context.LastError.Reason)</log-to-eventhub>"));

        await gateway.SendAsync(Call());

        Assert.Equal("HeaderNotFound", Assert.Single(gateway.Services.Outputs.EventHub.ForLogger("errors")).Message);
    }
}
