using System.Text;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Hosting.Logging;

namespace ApimAiGateway.Hosting.Tests;

/// <summary>The request log line takes each field from what the gateway answered, and a dash where the answer is silent.</summary>
public sealed class RequestLogLineTests
{
    private static readonly TimeSpan Elapsed = TimeSpan.FromMilliseconds(12.34);

    [Fact]
    public void A_validated_callers_id_wins_over_the_subscription()
    {
        var result = Result(200, "application/json", """{"usage":{"total_tokens":7}}""", variables: new() { [RequestLogLine.CallerVariable] = "3f2a-oid" });

        var line = RequestLogLine.From("POST", "/openai/x", result, "team-a", Elapsed);

        Assert.Equal("3f2a-oid", line.Caller);
        Assert.Equal("200 POST /openai/x caller=3f2a-oid tokens=7 cost=- cache=- region=- 12.3 ms", line.ToString());
    }

    [Fact]
    public void A_streams_tokens_come_from_its_usage_chunk()
    {
        const string stream = "data: {\"choices\":[{\"delta\":{\"content\":\"hi\"}}],\"usage\":null}\n\ndata: {\"choices\":[],\"usage\":{\"total_tokens\":31}}\n\ndata: [DONE]\n\n";
        var result = Result(200, "text/event-stream; charset=utf-8", stream, null, ("x-ms-region", "Sweden Central"), ("x-cost", "0.0003"), ("x-cost-currency", "EUR"), ("X-Cache", "MISS"));

        var line = RequestLogLine.From("POST", "/openai/x", result, "team-a", Elapsed);

        Assert.Equal("200 POST /openai/x caller=team-a tokens=31 cost=\"0.0003 EUR\" cache=MISS region=\"Sweden Central\" 12.3 ms", line.ToString());
    }

    [Theory]
    [InlineData("text/event-stream", "data: {\"usage\":null}\n\ndata: [DONE]\n\n")]
    [InlineData("application/json", "{\"usage\":{\"total_tokens\":\"many\"}}")]
    [InlineData("application/json", "{not json")]
    [InlineData("application/octet-stream", "\u0000\u0001")]
    [InlineData("text/event-stream", "data: {broken\n\n")]
    public void An_answer_without_readable_usage_logs_no_tokens(string contentType, string body)
    {
        var line = RequestLogLine.From("GET", "/", Result(502, contentType, body), subscription: null, Elapsed);

        Assert.Null(line.Tokens);
        Assert.StartsWith("502 GET / caller=- tokens=- ", line.ToString());
    }

    private static GatewayResult Result(int status, string contentType, string body, Dictionary<string, object>? variables = null, params (string Name, string Value)[] headers) => new()
    {
        StatusCode = status,
        StatusReason = "reason",
        Headers = headers.Append(("Content-Type", contentType)).ToDictionary(h => h.Item1, h => new[] { h.Item2 }, StringComparer.OrdinalIgnoreCase),
        Body = Encoding.UTF8.GetBytes(body),
        Variables = variables ?? [],
        Trace = [],
        ExpressionTraces = [],
        Calls = [],
    };
}
