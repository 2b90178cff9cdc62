using System.Text;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;
using static ApimAiGateway.Harness.Tests.Execution.Calls.CallsGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Streaming;

/// <summary>
/// forward-request buffer-response="false" relays server-sent events as the backend sends them (apim-reference
/// §4.13; Learn, "Configure API for server-sent events"); reading the body buffers it.
/// </summary>
public sealed class ResponseStreamingTests
{
    private const string First = "data: first\n\n";
    private const string Rest = "data: second\n\ndata: [DONE]\n\n";
    private const string Unbuffered = "<forward-request buffer-response=\"false\" />";

    /// <summary>A backend that sends the first event, then the rest only once <paramref name="gate"/> completes.</summary>
    private static SimulatedGateway Gateway(Task gate, string forward, string outbound = "", string contentType = "text/event-stream")
    {
        var builder = Builder();
        builder.Network.Map(Backend, _ => new ServiceResponse(200, ServiceHeaders.Empty.With("Content-Type", contentType), new LiveBody(Events(gate))));
        return builder.WithGlobalPolicy(Policy("", forward, outbound)).Build();
    }

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Events(Task gate)
    {
        yield return Encoding.UTF8.GetBytes(First);
        await gate;
        yield return Encoding.UTF8.GetBytes(Rest);
    }

    [Fact]
    public async Task Unbuffered_the_first_event_reaches_the_caller_while_the_backend_is_still_sending()
    {
        var gate = new TaskCompletionSource();
        var gateway = Gateway(gate.Task, Unbuffered);

        // A gateway that buffered would wait for the gate forever: the guard turns that into a failure.
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var release = guard.Token.Register(() => gate.TrySetResult());
        var result = await gateway.SendAsync(Call()).WaitAsync(guard.Token);

        await using var events = result.ReadBodyAsync().GetAsyncEnumerator();
        Assert.True(await events.MoveNextAsync().AsTask().WaitAsync(guard.Token));
        var first = Encoding.UTF8.GetString(events.Current.Span);
        var endedBeforeGate = result.LiveBody!.HasEnded;
        gate.SetResult();
        var rest = new StringBuilder();
        while (await events.MoveNextAsync())
        {
            rest.Append(Encoding.UTF8.GetString(events.Current.Span));
        }

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(First, first);
        Assert.False(endedBeforeGate);
        Assert.Equal(Rest, rest.ToString());
        Assert.Equal(First + Rest, result.BodyText);
    }

    [Fact]
    public async Task By_default_the_answer_is_buffered_before_the_gateway_returns()
    {
        var gateway = Gateway(Task.CompletedTask, "<forward-request />");

        var result = await gateway.SendAsync(Call());

        Assert.Null(result.LiveBody);
        Assert.Equal(First + Rest, result.BodyText);
    }

    [Fact]
    public async Task Unbuffered_an_answer_that_is_no_event_stream_is_buffered_all_the_same()
    {
        var gateway = Gateway(Task.CompletedTask, Unbuffered, contentType: "application/json");

        var result = await gateway.SendAsync(Call());

        Assert.Null(result.LiveBody);
        Assert.Equal(First + Rest, result.BodyText);
    }

    [Fact]
    public async Task An_outbound_policy_reading_a_live_stream_sees_the_whole_body_and_buffers_it()
    {
        var gateway = Gateway(Task.CompletedTask, Unbuffered, """
            <set-header name="x-events" exists-action="override">
              <value>@((context.Response.Body.As<string>(preserveContent: true).Split("data:").Length - 1).ToString())</value>
            </set-header>
            """);

        var result = await gateway.SendAsync(Call());

        Assert.Equal("3", result.Header("x-events"));
        Assert.Null(result.LiveBody);
        Assert.Equal(First + Rest, result.BodyText);
    }

    [Fact]
    public async Task A_stream_is_relayed_whole_to_a_caller_that_reads_it_whole()
    {
        var gateway = Gateway(Task.CompletedTask, Unbuffered);

        var result = await gateway.SendAsync(Call());

        Assert.NotNull(result.LiveBody);
        Assert.Equal(First + Rest, result.BodyText);
        Assert.Equal(First + Rest, result.Calls.Single().Outcome.Response!.BodyText);
    }
}
