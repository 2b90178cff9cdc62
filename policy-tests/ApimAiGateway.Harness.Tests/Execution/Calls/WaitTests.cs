using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;
using static ApimAiGateway.Harness.Tests.Execution.Calls.CallsGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Calls;

/// <summary>
/// wait (apim-reference §4.15; learn "wait policy"): children run in parallel, so the request spends the longest
/// child's time (all) or the shortest (any), not their sum.
/// </summary>
public sealed class WaitTests
{
    private static SimulatedGateway Gateway(string waitFor, int fastTimeout = 60)
    {
        var builder = Builder().WithService(Backend, _ => ServiceResponse.Status(200));
        builder.Network.Map("fast.test", Slow(TimeSpan.FromSeconds(3), ServiceResponse.Text("fast")));
        builder.Network.Map("slow.test", Slow(TimeSpan.FromSeconds(7), ServiceResponse.Text("slow")));
        return builder.WithGlobalPolicy(Policy($"""
            <wait for="{waitFor}">
              <send-request response-variable-name="slow" timeout="60"><set-url>https://slow.test/</set-url><set-method>GET</set-method></send-request>
              <send-request response-variable-name="fast" timeout="{fastTimeout}"><set-url>https://fast.test/</set-url><set-method>GET</set-method></send-request>
            </wait>
            """, onError: ReportError)).Build();
    }

    [Fact]
    public async Task For_all_waits_for_the_slowest_child_and_keeps_every_answer()
    {
        var gateway = Gateway("all");

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, ((IResponse)result.Variables["slow"]).StatusCode);
        Assert.Equal(200, ((IResponse)result.Variables["fast"]).StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), Spent(gateway));
    }

    [Fact]
    public async Task For_is_all_by_default()
    {
        var builder = Builder().WithService(Backend, _ => ServiceResponse.Status(200));
        builder.Network.Map("a.test", Slow(TimeSpan.FromSeconds(2), ServiceResponse.Status(200)));
        builder.Network.Map("b.test", Slow(TimeSpan.FromSeconds(5), ServiceResponse.Status(200)));
        var gateway = builder.WithGlobalPolicy(Policy("""
            <wait>
              <send-request response-variable-name="a"><set-url>https://a.test/</set-url><set-method>GET</set-method></send-request>
              <send-request response-variable-name="b"><set-url>https://b.test/</set-url><set-method>GET</set-method></send-request>
            </wait>
            """)).Build();

        var result = await gateway.SendAsync(Call());

        Assert.True(result.Variables.ContainsKey("a") && result.Variables.ContainsKey("b"));
        Assert.Equal(TimeSpan.FromSeconds(5), Spent(gateway));
    }

    [Fact]
    public async Task For_any_completes_with_the_fastest_child_and_drops_the_terminated_ones()
    {
        var gateway = Gateway("any");

        var result = await gateway.SendAsync(Call());

        Assert.Equal("fast", ((IResponse)result.Variables["fast"]).Body!.As<string>());
        Assert.False(result.Variables.ContainsKey("slow"));
        // Both requests went out; the slow one was abandoned, not unsent.
        Assert.Equal(2, result.Calls.Count(c => c.Policy == "send-request"));
        Assert.Equal(TimeSpan.FromSeconds(3), Spent(gateway));
    }

    [Fact]
    public async Task For_all_fails_when_a_child_fails_at_the_time_it_fails()
    {
        var gateway = Gateway("all", fastTimeout: 1);

        var result = await gateway.SendAsync(Call());

        Assert.Equal("send-request|Timeout", result.BodyText);
        Assert.Equal(TimeSpan.FromSeconds(1), Spent(gateway));
    }

    [Theory]
    [InlineData("https://silent.test/", "", 3)]
    [InlineData("https://nowhere.test/", "send-request|BackendConnectionFailure", 0)]
    public async Task For_any_is_decided_by_the_child_that_finishes_first_even_when_that_one_fails(string otherUrl, string error, int seconds)
    {
        var builder = Builder().WithService(Backend, _ => ServiceResponse.Status(200));
        builder.Network.Map("fast.test", Slow(TimeSpan.FromSeconds(3), ServiceResponse.Text("fast")));
        builder.Network.Map("silent.test", new DelegateServiceHandler((_, _) => ServiceOutcome.NoResponse()));
        var gateway = builder.WithGlobalPolicy(Policy($"""
            <wait for="any">
              <send-request response-variable-name="fast"><set-url>https://fast.test/</set-url><set-method>GET</set-method></send-request>
              <send-request response-variable-name="other" timeout="10"><set-url>{otherUrl}</set-url><set-method>GET</set-method></send-request>
            </wait>
            """, onError: ReportError)).Build();

        var result = await gateway.SendAsync(Call());

        // A silent service times out after 10 s, long after the fast answer; a refused connection fails at once.
        Assert.Equal(error, result.LastError is null ? string.Empty : result.BodyText);
        Assert.Equal(error.Length == 0, result.Variables.ContainsKey("fast"));
        Assert.Equal(TimeSpan.FromSeconds(seconds), Spent(gateway));
    }
}
