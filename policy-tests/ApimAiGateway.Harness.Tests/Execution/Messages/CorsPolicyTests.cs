using ApimAiGateway.Harness.Gateway;
using static ApimAiGateway.Harness.Tests.Execution.Messages.MessageGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Messages;

/// <summary>cors (apim-reference §4.25, cors-policy): preflights answered by cors alone, headers on actual responses.</summary>
public sealed class CorsPolicyTests
{
    private const string Origin = "https://app.contoso.com";

    private static string Cors(string attributes = "", string methods = "<allowed-methods preflight-result-max-age=\"300\"><method>GET</method><method>PUT</method></allowed-methods>") => $"""
        <cors allow-credentials="true" {attributes}>
          <allowed-origins><origin>{Origin}</origin></allowed-origins>
          {methods}
          <allowed-headers><header>content-type</header><header>x-trace</header></allowed-headers>
          <expose-headers><header>x-request-id</header></expose-headers>
        </cors>
        """;

    private static GatewayCall Preflight(string method = "PUT", string origin = Origin, string headers = "Content-Type") =>
        new GatewayCall("OPTIONS", "/orders/1")
            .WithHeader("Origin", origin)
            .WithHeader("Access-Control-Request-Method", method)
            .WithHeader("Access-Control-Request-Headers", headers);

    [Fact]
    public async Task A_matching_preflight_gets_an_empty_200_with_the_allow_headers_and_nothing_else_runs()
    {
        // cors-policy: only cors is evaluated on the preflight; max-age becomes Access-Control-Max-Age.
        var gateway = Build(Policy(Cors() + "<set-variable name=\"after\" value=\"ran\" />"), operations: new OperationDefinition("put", "PUT", "/{id}"));

        var result = await gateway.SendAsync(Preflight());

        Assert.Equal(200, result.StatusCode);
        Assert.Empty(result.Body);
        Assert.Empty(result.BackendCalls);
        Assert.False(result.Variables.ContainsKey("after"));
        Assert.Equal(Origin, result.Header("Access-Control-Allow-Origin"));
        Assert.Equal("true", result.Header("Access-Control-Allow-Credentials"));
        Assert.Equal("GET,PUT", result.Header("Access-Control-Allow-Methods"));
        Assert.Equal("Content-Type", result.Header("Access-Control-Allow-Headers"));
        Assert.Equal("300", result.Header("Access-Control-Max-Age"));
    }

    [Fact]
    public async Task Policies_placed_before_cors_do_not_run_on_a_preflight()
    {
        var gateway = Build(Policy("<check-header name=\"x-key\" failed-check-httpcode=\"401\" failed-check-error-message=\"no\" ignore-case=\"true\" />" + Cors()));

        var result = await gateway.SendAsync(Preflight());

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(Origin, result.Header("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("DELETE", Origin, "Content-Type")]
    [InlineData("PUT", "https://evil.example", "Content-Type")]
    [InlineData("PUT", Origin, "x-unknown")]
    public async Task An_unmatched_preflight_gets_a_bare_empty_200_by_default(string method, string origin, string headers)
    {
        // cors-policy: terminate-unmatched-request (default true) ends an unmatched preflight with an empty 200.
        var gateway = Build(Policy(Cors()));

        var result = await gateway.SendAsync(Preflight(method, origin, headers));

        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.Header("Access-Control-Allow-Origin"));
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task Without_termination_an_unmatched_preflight_falls_to_the_next_cors_policy()
    {
        // cors-policy: terminate-unmatched-request="false" looks for other cors policies that are direct
        // children of inbound; here the API scope's one allows any origin.
        var gateway = Builder()
            .WithGlobalPolicy(Policy("<cors terminate-unmatched-request=\"false\"><allowed-origins><origin>https://other.example</origin></allowed-origins></cors>"))
            .WithApiPolicy("orders", Policy("<base /><cors><allowed-origins><origin>*</origin></allowed-origins><allowed-methods><method>*</method></allowed-methods><allowed-headers><header>*</header></allowed-headers></cors>"))
            .Build();

        var result = await gateway.SendAsync(Preflight("PATCH", "https://anyone.example", "x-any"));

        Assert.Equal("*", result.Header("Access-Control-Allow-Origin"));
        Assert.Equal("PATCH", result.Header("Access-Control-Allow-Methods"));
        Assert.Equal("x-any", result.Header("Access-Control-Allow-Headers"));
        Assert.Null(result.Header("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task Allowed_methods_default_to_get_and_post()
    {
        // cors-policy: without allowed-methods only GET and POST are allowed.
        var gateway = Build(Policy(Cors(methods: string.Empty)));

        var post = await gateway.SendAsync(Preflight("POST"));
        var put = await gateway.SendAsync(Preflight("PUT"));

        Assert.Equal("GET,POST", post.Header("Access-Control-Allow-Methods"));
        Assert.Null(put.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_actual_request_gets_the_cors_headers_on_the_final_response()
    {
        // cors-policy: origins compare by scheme, host and port (443 is https's default).
        var gateway = Build(Policy(Cors()));

        var result = await gateway.SendAsync(Call().WithHeader("Origin", "https://app.contoso.com:443"));

        Assert.Equal(200, result.StatusCode);
        Assert.Single(result.BackendCalls);
        Assert.Equal("https://app.contoso.com:443", result.Header("Access-Control-Allow-Origin"));
        Assert.Equal("true", result.Header("Access-Control-Allow-Credentials"));
        Assert.Equal("x-request-id", result.Header("Access-Control-Expose-Headers"));
    }

    [Fact]
    public async Task The_cors_headers_survive_an_error_after_cors()
    {
        var gateway = Build(Policy(Cors() + "<check-header name=\"x-key\" failed-check-httpcode=\"401\" failed-check-error-message=\"no key\" ignore-case=\"true\" />"));

        var result = await gateway.SendAsync(Call().WithHeader("Origin", Origin));

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(Origin, result.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_unmatched_get_ends_with_an_empty_200_unless_told_to_run_on()
    {
        // cors-policy: a GET or HEAD with a non-matching Origin: terminate → empty 200; false → normal, no headers.
        var terminating = Build(Policy(Cors()));
        var lenient = Build(Policy(Cors("terminate-unmatched-request=\"false\"")));

        var ended = await terminating.SendAsync(Call().WithHeader("Origin", "https://evil.example"));
        var ranOn = await lenient.SendAsync(Call().WithHeader("Origin", "https://evil.example"));

        Assert.Equal((200, 0, 0), (ended.StatusCode, ended.Body.Length, ended.BackendCalls.Count));
        Assert.Single(ranOn.BackendCalls);
        Assert.Null(ranOn.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task A_request_without_origin_is_not_cross_origin()
    {
        var gateway = Build(Policy(Cors()));

        var result = await gateway.SendAsync(Call());

        Assert.Single(result.BackendCalls);
        Assert.Null(result.Header("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task An_api_with_its_own_options_operation_takes_the_preflight_itself()
    {
        // apim-reference §4.25: if the API defines a matching OPTIONS operation, the preflight logic is skipped.
        var gateway = Build(Policy(Cors()), operations: new OperationDefinition("options", "OPTIONS", "/{id}"));

        var result = await gateway.SendAsync(Preflight().WithHeader("Ocp-Apim-Subscription-Key", Key));

        Assert.Single(result.BackendCalls);
        Assert.Null(result.Header("Access-Control-Allow-Origin"));
    }
}
