using ApimAiGateway.Harness.Services;
using static ApimAiGateway.Harness.Tests.Execution.Calls.CallsGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Calls;

/// <summary>send-one-way-request (learn "send-one-way-request policy"): fire and forget.</summary>
public sealed class SendOneWayRequestTests
{
    [Fact]
    public async Task The_call_is_recorded_and_the_request_does_not_wait_for_it()
    {
        var builder = Builder().WithService(Backend, _ => ServiceResponse.Text("backend"));
        builder.Network.Map("audit.test", Slow(TimeSpan.FromSeconds(30), ServiceResponse.Status(500)));
        var gateway = builder.WithGlobalPolicy(Policy("""
            <send-one-way-request mode="new">
              <set-url>https://audit.test/events</set-url>
              <set-method>POST</set-method>
              <set-header name="x-event" exists-action="override"><value>@(context.Request.Method)</value></set-header>
              <set-body>seen</set-body>
            </send-one-way-request>
            """)).Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal("backend", result.BodyText);
        var call = Assert.Single(result.Calls, c => c.Policy == "send-one-way-request");
        Assert.Equal("POST", call.Request.Method);
        Assert.Equal("GET", call.Request.Headers.GetValueOrDefault("x-event"));
        Assert.Equal("seen", call.Request.BodyText);
        Assert.Equal(TimeSpan.Zero, Spent(gateway));
    }

    [Fact]
    public async Task A_failing_call_never_fails_the_request()
    {
        var gateway = Builder().WithService(Backend, _ => ServiceResponse.Text("backend")).WithGlobalPolicy(Policy("""
            <send-one-way-request><set-url>https://nowhere.test/</set-url><set-method>GET</set-method></send-one-way-request>
            """, onError: ReportError)).Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.LastError);
        Assert.Equal(ServiceOutcomeKind.ConnectionFailure, Assert.Single(result.Calls, c => c.Policy == "send-one-way-request").Outcome.Kind);
    }
}
