using System.Text;
using ApimAiGateway.Harness.Services.Outputs;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Tests.Services;

public sealed class GatewayOutputsTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Traces_keep_source_severity_message_metadata_and_time()
    {
        var outputs = new GatewayOutputs(_clock);

        outputs.Traces.Write("policy-a", TraceSeverity.Information, "first", [new("k", "v1"), new("k", "v2")]);
        _clock.Advance(TimeSpan.FromSeconds(1));
        outputs.Traces.Write("policy-b", TraceSeverity.Error, "second");

        var first = Assert.Single(outputs.Traces.FromSource("policy-a"));
        Assert.Equal(TraceSeverity.Information, first.Severity);
        Assert.Equal("v2", first.Metadata["k"]);
        Assert.Equal(_clock.Start.AddSeconds(1), outputs.Traces.Records[1].Timestamp);
    }

    [Fact]
    public void Metrics_default_to_the_api_management_namespace_and_total_by_name()
    {
        var outputs = new GatewayOutputs(_clock);

        outputs.Metrics.Emit("Total Tokens", 12, [new("API ID", "chat")]);
        outputs.Metrics.Emit("Total Tokens", 30, [new("API ID", "chat")]);
        outputs.Metrics.Emit("Total Tokens", 99, metricNamespace: "custom");

        // emit-metric: namespace defaults to "API Management" (emit-metric-policy, apim-reference §4.17).
        Assert.Equal("API Management", outputs.Metrics.Records[0].Namespace);
        Assert.Equal(42, outputs.Metrics.Total("Total Tokens"));
        Assert.Equal("chat", outputs.Metrics.Named("Total Tokens")[1].Dimensions["API ID"]);
        Assert.Equal(99, Assert.Single(outputs.Metrics.Named("Total Tokens", "custom")).Value);
    }

    [Fact]
    public void Event_hub_messages_keep_logger_and_partition()
    {
        var outputs = new GatewayOutputs(_clock);

        outputs.EventHub.Send("contoso-logger", "a", partitionKey: "user-1");
        outputs.EventHub.Send("other", "b", partitionId: "2");

        var message = Assert.Single(outputs.EventHub.ForLogger("contoso-logger"));
        Assert.Equal(("a", "user-1", (string?)null, false), (message.Message, message.PartitionKey, message.PartitionId, message.IsTruncated));
        Assert.Equal("2", outputs.EventHub.Messages[1].PartitionId);
    }

    // "Log to event hub", usage notes: messages larger than 200 KB are truncated to 200 KB before they are sent.
    [Theory]
    [InlineData(200 * 1024, false)]
    [InlineData(200 * 1024 + 1, true)]
    public void Event_hub_messages_are_truncated_at_200_KB(int length, bool truncated)
    {
        var sent = new EventHubSink(_clock).Send("logger", new string('x', length));

        Assert.Equal(truncated, sent.IsTruncated);
        Assert.Equal(Math.Min(length, EventHubSink.MaxMessageBytes), Encoding.UTF8.GetByteCount(sent.Message));
    }

    [Fact]
    public void Truncation_never_splits_a_character()
    {
        // 'x' then 4-byte characters: the limit falls inside one of them, which must be dropped whole.
        var message = "x" + string.Concat(Enumerable.Repeat("\U0001F600", 60_000));

        var sent = new EventHubSink(_clock).Send("logger", message);

        Assert.True(sent.IsTruncated);
        Assert.Equal(EventHubSink.MaxMessageBytes - 3, Encoding.UTF8.GetByteCount(sent.Message));
        Assert.False(char.IsHighSurrogate(sent.Message[^1]));
    }

    [Fact]
    public void Sinks_take_concurrent_writes_and_clear_together()
    {
        var outputs = new GatewayOutputs(_clock);

        Parallel.For(0, 200, i =>
        {
            outputs.Traces.Write("s", TraceSeverity.Verbose, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            outputs.Metrics.Emit("m", 1);
            outputs.EventHub.Send("l", "x");
        });

        Assert.Equal((200, 200d, 200), (outputs.Traces.Records.Count, outputs.Metrics.Total("m"), outputs.EventHub.Messages.Count));
        outputs.Clear();
        Assert.Equal((0, 0, 0), (outputs.Traces.Records.Count, outputs.Metrics.Records.Count, outputs.EventHub.Messages.Count));
    }
}
