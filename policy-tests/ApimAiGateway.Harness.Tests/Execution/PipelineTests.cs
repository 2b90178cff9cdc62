using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Tests.Execution;

/// <summary>The pipeline as APIM runs it: sections in order, base composition, error flow, short-circuits.</summary>
public sealed class PipelineTests
{
    private const string Echo = "backend.test";

    private static GatewayBuilder Gateway() => new GatewayBuilder()
        .WithApi("chat", "chat", $"https://{Echo}/v1")
        .WithProduct("gold", "chat")
        .WithSubscription("sub-1", "key-1", "gold")
        .WithService(Echo, request => ServiceResponse.Json($$"""{"path":"{{request.Uri.AbsolutePath}}","who":"{{request.Headers.GetValueOrDefault("x-who")}}"}"""));

    private static GatewayCall Call(string path = "/chat/ping") => GatewayCall.Get(path).WithHeader("Ocp-Apim-Subscription-Key", "key-1");

    [Fact]
    public async Task Inbound_backend_and_outbound_run_in_order_against_the_backend()
    {
        var gateway = Gateway().WithGlobalPolicy("""
            <policies>
              <inbound>
                <set-variable name="caller" value="@(context.Subscription.Name)" />
                <set-header name="x-who" exists-action="override"><value>@((string)context.Variables["caller"])</value></set-header>
              </inbound>
              <backend><forward-request /></backend>
              <outbound><set-header name="x-served-by" exists-action="override"><value>gateway</value></set-header></outbound>
              <on-error />
            </policies>
            """).Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("sub-1", result.Variables["caller"]);
        Assert.Equal("gateway", result.Header("x-served-by"));
        Assert.Equal("/v1/ping", (string?)result.BodyJson!["path"]);
        var call = Assert.Single(result.BackendCalls);
        Assert.Equal("sub-1", call.Request.Headers.GetValueOrDefault("x-who"));
    }

    [Fact]
    public async Task Base_composes_four_scopes_in_the_documented_order()
    {
        static string Scope(string name, string baseFirst) => $"""
            <policies>
              <inbound>{baseFirst}<set-header name="x-order" exists-action="append"><value>{name}</value></set-header></inbound>
              <backend><base /></backend>
              <outbound><base /></outbound>
              <on-error><base /></on-error>
            </policies>
            """;
        var gateway = Gateway()
            .WithGlobalPolicy("<policies><inbound><set-header name=\"x-order\" exists-action=\"append\"><value>global</value></set-header></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>")
            .WithProductPolicy("gold", Scope("product", "<base />"))
            .WithApiPolicy("chat", Scope("api", "<base />"))
            .WithOperationPolicy("chat", "*", Scope("operation", "<base />"))
            .Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal(["global", "product", "api", "operation"], result.BackendCalls[0].Request.Headers["x-order"]);
    }

    [Fact]
    public async Task A_section_without_base_drops_the_broader_scopes()
    {
        var gateway = Gateway()
            .WithGlobalPolicy("<policies><inbound><set-variable name=\"global\" value=\"ran\" /></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>")
            .WithApiPolicy("chat", "<policies><inbound><set-variable name=\"api\" value=\"ran\" /></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>")
            .Build();

        var result = await gateway.SendAsync(Call());

        Assert.False(result.Variables.ContainsKey("global"));
        Assert.Equal("ran", result.Variables["api"]);
    }

    [Fact]
    public async Task An_expression_that_throws_flows_to_on_error_with_last_error_filled_as_apim_does()
    {
        var gateway = Gateway().WithGlobalPolicy("""
            <policies>
              <inbound>
                <choose>
                  <when condition="@(true)">
                    <set-variable name="boom" value="@(((string)null).Length)" id="the-failing-one" />
                  </when>
                </choose>
                <set-variable name="after" value="not reached" />
              </inbound>
              <backend><forward-request /></backend>
              <outbound><set-variable name="outbound" value="not reached" /></outbound>
              <on-error>
                <set-status code="418" reason="Handled" />
                <set-body>@(context.LastError.Source + "|" + context.LastError.Reason + "|" + context.LastError.Section + "|" + context.LastError.Path + "|" + context.LastError.PolicyId + "|" + context.LastError.Scope)</set-body>
              </on-error>
            </policies>
            """).Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal(418, result.StatusCode);
        Assert.Equal("set-variable|ExpressionValueEvaluationFailure|inbound|choose[1]/when[1]/set-variable[1]|the-failing-one|global", result.BodyText);
        Assert.False(result.Variables.ContainsKey("after"));
        Assert.False(result.Variables.ContainsKey("outbound"));
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task Without_on_error_the_caller_gets_apims_error_shape()
    {
        var gateway = Gateway().WithGlobalPolicy("<policies><inbound><set-variable name=\"x\" value=\"@(int.Parse(&quot;nope&quot;))\" /></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>").Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal(500, result.StatusCode);
        Assert.Equal(500, (int)result.BodyJson!["statusCode"]!);
        Assert.StartsWith("Expression evaluation failed.", (string?)result.BodyJson["message"]);
    }

    [Fact]
    public async Task Return_response_ends_the_pipeline_outbound_included()
    {
        var gateway = Gateway().WithGlobalPolicy("""
            <policies>
              <inbound>
                <return-response>
                  <set-status code="202" reason="Accepted" />
                  <set-header name="x-short" exists-action="override"><value>yes</value></set-header>
                  <set-body>queued</set-body>
                </return-response>
                <set-variable name="after" value="not reached" />
              </inbound>
              <backend><forward-request /></backend>
              <outbound><set-header name="x-outbound" exists-action="override"><value>ran</value></set-header></outbound>
              <on-error />
            </policies>
            """).Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal(202, result.StatusCode);
        Assert.Equal("yes", result.Header("x-short"));
        Assert.Equal("queued", result.BodyText);
        Assert.Null(result.Header("x-outbound"));
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task A_runaway_expression_is_stopped_and_handled_as_an_expression_error()
    {
        var gateway = Gateway().WithGlobalPolicy("""
            <policies>
              <inbound><set-variable name="spin" value="@{ var i = 0; while (true) { i++; } }" /></inbound>
              <backend><forward-request /></backend>
              <outbound />
              <on-error><set-body>@(context.LastError.Reason)</set-body></on-error>
            </policies>
            """).Build();

        var result = await gateway.SendAsync(Call());

        Assert.Equal("ExpressionValueEvaluationFailure", result.BodyText);
        Assert.Contains("time limit", result.LastError!.Message);
    }

    [Fact]
    public async Task A_policy_the_harness_does_not_emulate_stops_the_run_with_its_location()
    {
        var gateway = Gateway().WithGlobalPolicy("<policies><inbound>\n<redirect-content-urls />\n</inbound><backend><forward-request /></backend><outbound /><on-error /></policies>").Build();

        var result = await gateway.SendAsync(Call());

        Assert.NotNull(result.HarnessError);
        Assert.Contains("global.xml:2:1", result.HarnessError);
        Assert.Contains("redirect-content-urls", result.HarnessError);
    }

    [Fact]
    public async Task Subscription_keys_are_checked_as_apim_does()
    {
        var gateway = Gateway().WithGlobalPolicy("<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>").Build();

        var missing = await gateway.SendAsync(GatewayCall.Get("/chat/ping"));
        var invalid = await gateway.SendAsync(GatewayCall.Get("/chat/ping").WithHeader("Ocp-Apim-Subscription-Key", "wrong"));
        var byQuery = await gateway.SendAsync(GatewayCall.Get("/chat/ping?subscription-key=key-1"));
        var unknownPath = await gateway.SendAsync(Call("/elsewhere"));

        Assert.Equal((401, "SubscriptionKeyNotFound"), (missing.StatusCode, missing.LastError!.Reason));
        Assert.Equal((401, "SubscriptionKeyInvalid"), (invalid.StatusCode, invalid.LastError!.Reason));
        Assert.Equal(200, byQuery.StatusCode);
        Assert.Equal(404, unknownPath.StatusCode);
    }

    [Fact]
    public void A_gateway_whose_policies_have_errors_is_not_built()
    {
        var error = Assert.Throws<GatewayBuildException>(() => Gateway()
            .WithGlobalPolicy("<policies><inbound><set-variable name=\"x\" value=\"@(context.Nope)\" /></inbound></policies>")
            .Build());

        Assert.Contains(error.Diagnostics, d => d.Code == "CS1061" && d.Location.File == "global.xml");
    }
}
