using System.Text;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Policies.Tests;

/// <summary>
/// A streamed chat completion passes through as server-sent events, and is metered like any call: cost-stream-usage
/// asks the backend for the final usage chunk, which token-limits, cost-meter and the telemetry read. The known bug
/// this pins: streams metered as zero tokens.
/// </summary>
public sealed class StreamingTests
{
    private const string Stream = ""","stream":true""";

    private readonly ComposedGateway _gateway = new();

    [Fact]
    public async Task The_event_stream_passes_through_and_the_backend_is_asked_for_usage()
    {
        var result = await _gateway.Ask("Stream a story", extra: Stream);

        Assert.Equal(200, result.StatusCode);
        Assert.StartsWith("text/event-stream", result.Header("Content-Type"));
        Assert.Contains("data: [DONE]", result.BodyText);
        var sent = JObject.Parse(Encoding.UTF8.GetString(Assert.Single(result.BackendCalls).Request.Body.Span));
        Assert.True(sent.SelectToken("stream_options.include_usage")!.Value<bool>());
    }

    [Fact]
    public async Task A_stream_is_charged_and_counted_from_its_final_usage_chunk()
    {
        var result = await _gateway.Ask("Stream a story", Caller.Alice, Tier.Standard, extra: Stream);

        var usage = Assert.Single(_gateway.AccountCalls).Usage!;
        Assert.True(usage.TotalTokens > 0);
        Assert.Equal(Costs.Expected("gpt-4o", usage), Costs.Of(result));
        Assert.Equal("false", result.Header("x-cost-estimated"));
        Assert.Equal(usage.TotalTokens, _gateway.Gateway.Services.Outputs.Metrics.Total("Total Tokens", ThisRepository.NamedValue("token-metrics-namespace")));
        var record = JObject.Parse(_gateway.Gateway.Services.Outputs.EventHub.ForLogger(ThisRepository.NamedValue("usage-eventhub-logger-id")).Single().Message);
        Assert.Equal(usage.CompletionTokens, record.Value<long>("completionTokens"));
    }

    [Fact]
    public async Task A_streams_tokens_count_against_the_callers_minute()
    {
        await _gateway.Ask("Stream a story", extra: Stream);
        var next = await _gateway.Ask("And another");

        var streamed = Assert.Single(_gateway.AccountCalls, c => c.Streamed).Usage!;
        var remaining = long.Parse(next.Header("x-ratelimit-remaining-tokens")!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(remaining <= Tier.Basic.Setting("token-limit-tpm") - streamed.TotalTokens, $"remaining {remaining} ignores the stream's {streamed.TotalTokens} tokens");
    }
}
