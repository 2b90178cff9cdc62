using System.Text;
using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Execution.Calls;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;
using Newtonsoft.Json.Linq;
using static ApimAiGateway.Harness.Tests.Execution.Calls.CallsGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Calls;

/// <summary>send-request (apim-reference §4.12; learn "send-request policy").</summary>
public sealed class SendRequestTests
{
    private const string Lookup = """
        <send-request mode="new" response-variable-name="lookup">
          <set-url>https://svc.test/lookup</set-url>
          <set-method>POST</set-method>
          <set-header name="x-tenant" exists-action="override"><value>contoso</value></set-header>
          <set-header name="Content-Type" exists-action="override"><value>application/json</value></set-header>
          <set-body>{"q":1}</set-body>
        </send-request>
        """;

    /// <summary>A GET of svc.test into variable r, with more children.</summary>
    private static string GetFromService(string children) =>
        $"<send-request response-variable-name=\"r\"><set-url>https://svc.test/</set-url><set-method>GET</set-method>{children}</send-request>";

    [Fact]
    public async Task Stores_the_answer_as_an_IResponse_and_records_the_call_as_sent()
    {
        var gateway = WithService(request => ServiceResponse.Json($$"""{"echo":{{request.BodyText}}}""", 201), Lookup,
            outbound: "<set-header name=\"x-lookup\" exists-action=\"override\"><value>@(((IResponse)context.Variables[\"lookup\"]).Body.As&lt;string&gt;())</value></set-header>");

        var result = await gateway.SendAsync(Call());

        var stored = Assert.IsAssignableFrom<IResponse>(result.Variables["lookup"]);
        Assert.Equal(201, stored.StatusCode);
        Assert.Equal("""{"echo":{"q":1}}""", result.Header("x-lookup"));
        var call = Assert.Single(result.Calls, c => c.Policy == "send-request");
        Assert.Equal("POST", call.Request.Method);
        Assert.Equal("https://svc.test/lookup", call.Request.Uri.ToString());
        Assert.Equal("contoso", call.Request.Headers.GetValueOrDefault("x-tenant"));
        Assert.Equal("""{"q":1}""", call.Request.BodyText);
    }

    [Fact]
    public async Task A_new_request_starts_blank_and_does_not_carry_the_callers_headers()
    {
        var gateway = WithService(_ => ServiceResponse.Status(204), """
            <send-request response-variable-name="r"><set-url>https://svc.test/x</set-url><set-method>GET</set-method></send-request>
            """);

        var result = await gateway.SendAsync(Call().WithHeader("x-caller", "me"));

        var call = Assert.Single(result.Calls, c => c.Policy == "send-request");
        Assert.False(call.Request.Headers.ContainsKey("x-caller"));
        Assert.True(call.Request.Body.IsEmpty);
    }

    [Fact]
    public async Task Copy_mode_copies_the_current_method_headers_and_body()
    {
        var gateway = WithService(_ => ServiceResponse.Status(200), """
            <send-request mode="copy" response-variable-name="r"><set-url>https://svc.test/mirror</set-url></send-request>
            """);

        var result = await gateway.SendAsync(GatewayCall.PostJson("/chat/ping", """{"a":1}""").WithHeader("x-caller", "me"));

        var call = Assert.Single(result.Calls, c => c.Policy == "send-request");
        Assert.Equal("POST", call.Request.Method);
        Assert.Equal("me", call.Request.Headers.GetValueOrDefault("x-caller"));
        Assert.Equal("""{"a":1}""", call.Request.BodyText);
        // The copy does not take the body away from the backend call.
        Assert.Equal("""{"a":1}""", Assert.Single(result.BackendCalls).Request.BodyText);
    }

    [Fact]
    public async Task Copy_mode_in_outbound_does_not_copy_the_body()
    {
        // send-request page, mode: "In the outbound policy section, mode=copy does not initialize the request body."
        var gateway = WithService(_ => ServiceResponse.Status(200), "", outbound: """
            <send-request mode="copy" response-variable-name="r"><set-url>https://svc.test/mirror</set-url></send-request>
            """);

        var result = await gateway.SendAsync(GatewayCall.PostJson("/chat/ping", """{"a":1}""").WithHeader("x-caller", "me"));

        var call = Assert.Single(result.Calls, c => c.Policy == "send-request");
        Assert.Equal("me", call.Request.Headers.GetValueOrDefault("x-caller"));
        Assert.True(call.Request.Body.IsEmpty);
    }

    [Fact]
    public async Task An_answer_later_than_the_timeout_fails_with_Timeout_after_exactly_the_timeout()
    {
        var gateway = WithService(Slow(TimeSpan.FromSeconds(30), ServiceResponse.Status(200)), """
            <send-request response-variable-name="r" timeout="5"><set-url>https://svc.test/slow</set-url><set-method>GET</set-method></send-request>
            """, onError: ReportError);

        var result = await gateway.SendAsync(Call());

        Assert.Equal("send-request|Timeout", result.BodyText);
        Assert.False(result.Variables.ContainsKey("r"));
        Assert.Empty(result.BackendCalls);
        Assert.Equal(TimeSpan.FromSeconds(5), Spent(gateway));
    }

    [Fact]
    public async Task The_default_timeout_is_60_seconds()
    {
        var gateway = WithService(new DelegateServiceHandler((_, _) => ServiceOutcome.NoResponse()), """
            <send-request response-variable-name="r"><set-url>https://svc.test/never</set-url><set-method>GET</set-method></send-request>
            """, onError: ReportError);

        var result = await gateway.SendAsync(Call());

        Assert.Equal("send-request|Timeout", result.BodyText);
        Assert.Equal(TimeSpan.FromSeconds(60), Spent(gateway));
    }

    [Fact]
    public async Task An_answer_within_the_timeout_spends_its_latency()
    {
        var gateway = WithService(Slow(TimeSpan.FromSeconds(3), ServiceResponse.Status(200)), """
            <send-request response-variable-name="r" timeout="@(4)"><set-url>https://svc.test/slow</set-url><set-method>GET</set-method></send-request>
            """);

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, ((IResponse)result.Variables["r"]).StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), Spent(gateway));
    }

    [Fact]
    public async Task A_host_nobody_serves_fails_with_BackendConnectionFailure()
    {
        var gateway = Builder().WithGlobalPolicy(Policy("""
            <send-request response-variable-name="r"><set-url>https://nowhere.test/</set-url><set-method>GET</set-method></send-request>
            """, onError: ReportError)).Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal("send-request|BackendConnectionFailure", result.BodyText);
        Assert.Equal(500, result.StatusCode);
    }

    [Fact]
    public async Task An_error_status_is_an_answer_not_an_error()
    {
        var gateway = WithService(_ => ServiceResponse.Status(503), """
            <send-request response-variable-name="r"><set-url>https://svc.test/</set-url><set-method>GET</set-method></send-request>
            """, onError: ReportError);

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Null(result.LastError);
        Assert.Equal(503, ((IResponse)result.Variables["r"]).StatusCode);
    }

    [Fact]
    public async Task With_ignore_error_a_failure_leaves_the_variable_holding_null()
    {
        // send-request page, ignore-error: "the error will be ignored, and the response variable will contain a null value".
        var builder = Builder().WithService(Backend, _ => ServiceResponse.Status(200));
        var gateway = builder.WithGlobalPolicy(Policy("""
            <send-request response-variable-name="r" ignore-error="true"><set-url>https://nowhere.test/</set-url><set-method>GET</set-method></send-request>
            <set-variable name="failed" value="@(context.Variables[&quot;r&quot;] == null)" />
            """, onError: ReportError)).Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.True(result.Variables.ContainsKey("r"));
        Assert.Null(result.Variables["r"]);
        Assert.Equal(true, result.Variables["failed"]);
    }

    [Fact]
    public async Task The_response_variable_name_may_be_an_expression()
    {
        var gateway = WithService(_ => ServiceResponse.Status(202), """
            <send-request response-variable-name="@(&quot;resp-&quot; + context.Request.Method)"><set-url>https://svc.test/</set-url><set-method>GET</set-method></send-request>
            """);

        var result = await gateway.SendAsync(Call());

        Assert.Equal(202, ((IResponse)result.Variables["resp-GET"]).StatusCode);
    }

    [Fact]
    public async Task Managed_identity_sends_a_bearer_token_for_the_resource()
    {
        var gateway = WithService(_ => ServiceResponse.Status(200), GetFromService("""<authentication-managed-identity resource="https://cognitiveservices.azure.com" />"""));

        var result = await gateway.SendAsync(Call());

        var authorization = Assert.Single(result.Calls, c => c.Request.Uri.Host == "svc.test").Request.Headers.GetValueOrDefault("Authorization")!;
        var token = authorization["Bearer ".Length..];
        Assert.StartsWith("Bearer ", authorization);
        var jwt = token.AsJwt()!;
        Assert.Equal(["https://cognitiveservices.azure.com"], jwt.Audiences);
        Assert.Equal(ApimAiGateway.Harness.Identity.SimulatedEntraId.SystemAssignedClientId, jwt.Claims.GetValueOrDefault("appid"));
    }

    [Fact]
    public async Task Managed_identity_with_an_output_variable_stores_the_token_instead_of_sending_it()
    {
        var gateway = WithService(_ => ServiceResponse.Status(200), GetFromService("""<authentication-managed-identity resource="api://backend" client-id="11111111-2222" output-token-variable-name="token" />"""));

        var result = await gateway.SendAsync(Call());

        var jwt = ((string)result.Variables["token"]).AsJwt()!;
        Assert.Equal(["api://backend"], jwt.Audiences);
        Assert.Equal(CallsGateway.UserAssignedClientId, jwt.Claims.GetValueOrDefault("appid"));
        Assert.False(Assert.Single(result.Calls, c => c.Request.Uri.Host == "svc.test").Request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Certificate_and_proxy_children_are_recorded_in_the_trace()
    {
        var gateway = WithService(_ => ServiceResponse.Status(200), GetFromService("""<authentication-certificate thumbprint="ABC123" /><proxy url="http://proxy.test:8080" />"""));

        var result = await gateway.SendAsync(Call());

        var notes = result.Trace.Where(t => t.Policy == "send-request").Select(t => t.Message).ToList();
        Assert.Contains(notes, n => n.Contains("ABC123"));
        Assert.Contains(notes, n => n.Contains("http://proxy.test:8080"));
    }
}
