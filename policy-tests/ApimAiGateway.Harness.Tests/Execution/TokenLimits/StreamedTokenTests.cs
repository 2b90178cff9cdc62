using static ApimAiGateway.Harness.Tests.Execution.TokenLimits.TokenGateway;

namespace ApimAiGateway.Harness.Tests.Execution.TokenLimits;

/// <summary>
/// The token policies on a stream relayed unbuffered (forward-request buffer-response="false"): usage is counted when
/// the stream ends, from its usage chunk or the estimate (apim-reference §4.31/§4.32), never as zero.
/// </summary>
public sealed class StreamedTokenTests
{
    private static readonly string Streamed = Body("Stream me a story", ""","stream":true,"stream_options":{"include_usage":true}""");

    private static string UnbufferedPolicy(string inbound) =>
        $"""<policies><inbound>{inbound}</inbound><backend><forward-request buffer-response="false" /></backend><outbound /><on-error /></policies>""";

    [Fact]
    public async Task A_live_stream_is_counted_against_the_token_limit_when_it_ends()
    {
        var fixture = new TokenGateway();
        var gate = new TaskCompletionSource();
        fixture.Service.Faults.PauseNextStream(gate.Task);
        var gateway = fixture.Builder.WithApiPolicy("aoai", UnbufferedPolicy("""
            <llm-token-limit counter-key="k" tokens-per-minute="100000" estimate-prompt-tokens="false" tokens-consumed-header-name="x-consumed" remaining-tokens-header-name="x-remaining" />
            """)).Build();

        var streamed = await gateway.SendAsync(Chat(Streamed));
        var liveWhenReturned = streamed.LiveBody is { HasEnded: false };
        gate.SetResult();
        await streamed.LiveBody!.ReadToEndAsync();
        var next = await gateway.SendAsync(Chat(Body("And now?")));

        // The stream's headers leave with the prompt estimate; its usage is counted at its end, so the next request
        // sees both exchanges' reported totals spent.
        var calls = fixture.Service.Calls;
        Assert.True(liveWhenReturned);
        Assert.Equal(PromptEstimate(Streamed).ToString(), streamed.Header("x-consumed"));
        Assert.Equal(100000 - calls[0].Usage!.TotalTokens - calls[1].Usage!.TotalTokens, int.Parse(next.Header("x-remaining")!));
    }

    [Fact]
    public async Task Token_metrics_of_a_live_stream_are_emitted_when_it_ends()
    {
        var fixture = new TokenGateway();
        var gate = new TaskCompletionSource();
        fixture.Service.Faults.PauseNextStream(gate.Task);
        var gateway = fixture.Builder.WithApiPolicy("aoai", UnbufferedPolicy("""<llm-emit-token-metric namespace="ai"><dimension name="API ID" /></llm-emit-token-metric>""")).Build();
        var metrics = gateway.Services.Outputs.Metrics;

        var streamed = await gateway.SendAsync(Chat(Streamed));
        var emittedBeforeEnd = metrics.Named("Total Tokens", "ai").Count;
        gate.SetResult();
        await streamed.LiveBody!.ReadToEndAsync();

        var usage = fixture.Service.Calls[0].Usage!;
        Assert.Equal(0, emittedBeforeEnd);
        Assert.Equal(usage.TotalTokens, metrics.Total("Total Tokens", "ai"));
        Assert.Equal(usage.CompletionTokens, metrics.Total("Completion Tokens", "ai"));
    }
}
