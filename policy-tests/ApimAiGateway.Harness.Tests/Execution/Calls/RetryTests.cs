using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;
using static ApimAiGateway.Harness.Tests.Execution.Calls.CallsGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Calls;

/// <summary>retry (apim-reference §4.14; learn "retry policy").</summary>
public sealed class RetryTests
{
    private static SimulatedGateway Gateway(string backend, params ServiceResponse[] answers)
    {
        var builder = Builder();
        builder.Network.Map(Backend, new CannedResponseHandler(answers));
        return builder.WithGlobalPolicy(Policy("", backend, onError: ReportError)).Build();
    }

    private static string Retry(string attributes, string children = "<forward-request />") =>
        $"<retry condition=\"@(context.Response.StatusCode == 503)\" {attributes}>{children}</retry>";

    [Fact]
    public async Task A_canned_503_503_200_succeeds_on_the_third_attempt_after_two_fixed_waits()
    {
        var gateway = Gateway(Retry("count=\"3\" interval=\"2\""), ServiceResponse.Status(503), ServiceResponse.Status(503), ServiceResponse.Text("ok"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("ok", result.BodyText);
        Assert.Equal(3, result.BackendCalls.Count);
        Assert.Equal(TimeSpan.FromSeconds(4), Spent(gateway));
    }

    [Fact]
    public async Task Retries_a_429_by_status_code_with_linear_waits()
    {
        // Linear: interval + (n - 1) * delta, so 1 s then 3 s.
        var gateway = Gateway(
            "<retry condition=\"@(context.Response.StatusCode == 429)\" count=\"5\" interval=\"1\" delta=\"2\"><forward-request /></retry>",
            ServiceResponse.Status(429), ServiceResponse.Status(429), ServiceResponse.Status(200));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(3, result.BackendCalls.Count);
        Assert.Equal(TimeSpan.FromSeconds(4), Spent(gateway));
    }

    [Theory]
    // count exhausted: 1 + count attempts, and the last answer is returned.
    [InlineData("count=\"2\" interval=\"3\"", 3, 3 + 3)]
    // retry page: interval = delta = 10, max-interval = 100 waits about 10, 20, 40, 80, then 100 s.
    [InlineData("count=\"6\" interval=\"10\" delta=\"10\" max-interval=\"100\"", 7, 10 + 20 + 40 + 80 + 100 + 100)]
    // first-fast-retry: "the first retry attempt is performed immediately"; later ones wait as usual.
    [InlineData("count=\"3\" interval=\"5\" first-fast-retry=\"@(true)\"", 4, 0 + 5 + 5)]
    public async Task A_backend_that_keeps_failing_is_tried_count_more_times_with_the_documented_waits(string attributes, int calls, int seconds)
    {
        var gateway = Gateway(Retry(attributes), ServiceResponse.Status(503));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(503, result.StatusCode);
        Assert.Equal(calls, result.BackendCalls.Count);
        Assert.Equal(TimeSpan.FromSeconds(seconds), Spent(gateway));
    }

    [Fact]
    public async Task The_condition_is_evaluated_after_the_first_run_so_a_success_runs_once()
    {
        var gateway = Gateway(Retry("count=\"3\" interval=\"5\""), ServiceResponse.Status(200));

        var result = await gateway.SendAsync(Call());

        Assert.Single(result.BackendCalls);
        Assert.Equal(TimeSpan.Zero, Spent(gateway));
    }

    [Fact]
    public async Task An_error_in_a_child_is_not_retried_and_flows_to_on_error()
    {
        // The retry page retries a failed send-request only through ignore-error (the variable is then null);
        // an error itself ends the retry.
        var builder = Builder();
        builder.Network.Map(Backend, new DelegateServiceHandler((_, _) => ServiceOutcome.NoResponse()));
        var gateway = builder.WithGlobalPolicy(Policy("",
            "<retry condition=\"true\" count=\"3\" interval=\"1\"><forward-request timeout=\"2\" /></retry>", onError: ReportError)).Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal("forward-request|Timeout", result.BodyText);
        Assert.Single(result.BackendCalls);
        Assert.Equal(TimeSpan.FromSeconds(2), Spent(gateway));
    }

    [Fact]
    public async Task The_documented_send_request_pattern_retries_while_the_variable_is_null()
    {
        var builder = Builder().WithService(Backend, _ => ServiceResponse.Status(200));
        builder.Network.Map("svc.test", new DelegateServiceHandler((_, call) =>
            call.CallNumber == 1 ? ServiceOutcome.ConnectionFailure("reset") : ServiceResponse.Text("found")));
        var gateway = builder.WithGlobalPolicy(Policy("""
            <retry condition="@(context.Variables[&quot;response&quot;] == null || ((IResponse)context.Variables[&quot;response&quot;]).StatusCode >= 500)" count="3" interval="1" first-fast-retry="true">
              <send-request mode="new" response-variable-name="response" timeout="3" ignore-error="true">
                <set-url>https://svc.test/products/5</set-url>
                <set-method>GET</set-method>
              </send-request>
            </retry>
            """)).Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal(2, result.Calls.Count(c => c.Policy == "send-request"));
        Assert.Equal(200, ((IResponse)result.Variables["response"]).StatusCode);
        Assert.Equal(TimeSpan.Zero, Spent(gateway));
    }

    [Theory]
    [InlineData("true", "{\"a\":1}")]
    [InlineData("false", "")]
    public async Task A_retried_forward_request_resends_the_body_only_when_it_is_buffered(string buffer, string resentBody)
    {
        // forward-request page, buffer-request-body: "When set to true, request is buffered and will be reused on retry."
        var builder = Builder();
        builder.Network.Map(Backend, new CannedResponseHandler(ServiceResponse.Status(503), ServiceResponse.Status(200)));
        var gateway = builder.WithGlobalPolicy(Policy("",
            Retry("count=\"1\" interval=\"1\"", $"<forward-request buffer-request-body=\"{buffer}\" />"))).Build();

        var result = await gateway.SendAsync(GatewayCall.PostJson("/chat/ping", "{\"a\":1}"));

        Assert.Equal(2, result.BackendCalls.Count);
        Assert.Equal("{\"a\":1}", result.BackendCalls[0].Request.BodyText);
        Assert.Equal(resentBody, result.BackendCalls[1].Request.BodyText);
    }
}
