using ApimAiGateway.Harness.Execution.Calls;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;
using static ApimAiGateway.Harness.Tests.Execution.Calls.CallsGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Calls;

/// <summary>forward-request's newer attributes (apim-reference §4.13; learn "forward-request policy").</summary>
public sealed class ForwardRequestTests
{
    private static SimulatedGateway Gateway(string forward, Func<ServiceRequest, ServiceResponse> backend)
    {
        var builder = Builder();
        builder.Network.Map(Backend, backend);
        return builder.WithGlobalPolicy(Policy("", forward)).Build();
    }

    private static ServiceResponse RedirectsOnce(ServiceRequest request, int status) =>
        request.Uri.AbsolutePath == "/v1/ping"
            ? ServiceResponse.Status(status).WithHeader("Location", "/v2/ping")
            : ServiceResponse.Text($"{request.Method} {request.Uri.AbsolutePath} [{request.BodyText}]");

    [Fact]
    public async Task Redirects_are_returned_to_the_caller_by_default()
    {
        var gateway = Gateway("<forward-request />", request => RedirectsOnce(request, 302));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(302, result.StatusCode);
        Assert.Equal("/v2/ping", result.Header("Location"));
        Assert.Single(result.BackendCalls);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(308)]
    public async Task With_follow_redirects_the_gateway_follows_to_the_final_answer(int status)
    {
        var gateway = Gateway("<forward-request follow-redirects=\"true\" />", request => RedirectsOnce(request, status));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("GET /v2/ping []", result.BodyText);
        Assert.Equal(["https://backend.test/v1/ping", "https://backend.test/v2/ping"], result.BackendCalls.Select(c => c.Request.Uri.ToString()));
    }

    [Theory]
    [InlineData(303, "GET /v2/ping []")]
    [InlineData(302, "GET /v2/ping []")]
    [InlineData(307, "POST /v2/ping [{\"a\":1}]")]
    public async Task A_followed_POST_becomes_a_GET_except_after_307_and_308(int status, string final)
    {
        var gateway = Gateway("<forward-request follow-redirects=\"@(true)\" />", request => RedirectsOnce(request, status));

        var result = await gateway.SendAsync(GatewayCall.PostJson("/chat/ping", "{\"a\":1}"));

        Assert.Equal(final, result.BodyText);
    }

    [Fact]
    public async Task A_redirect_loop_stops_at_the_limit_with_the_last_redirect()
    {
        var gateway = Gateway("<forward-request follow-redirects=\"true\" />", _ => ServiceResponse.Status(302).WithHeader("Location", "/v1/ping"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(302, result.StatusCode);
        Assert.Equal(Redirect.MaxHops + 1, result.BackendCalls.Count);
    }

    [Fact]
    public async Task Http_version_and_continue_timeout_are_accepted()
    {
        var gateway = Gateway("<forward-request http-version=\"2or1\" continue-timeout=\"5\" buffer-response=\"false\" />", _ => ServiceResponse.Text("ok"));

        var result = await gateway.SendAsync(Call());

        Assert.Null(result.HarnessError);
        Assert.Equal("ok", result.BodyText);
    }
}
