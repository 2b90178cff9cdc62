using static ApimAiGateway.Harness.Tests.Execution.Messages.MessageGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Messages;

/// <summary>mock-response, check-header and ip-filter: policies that answer the caller without the backend.</summary>
public sealed class ResponseShortCircuitTests
{
    private const string ErrorEcho = "<set-variable name=\"error\" value=\"@(context.LastError.Source + &quot;|&quot; + context.LastError.Reason + &quot;|&quot; + context.LastError.Message)\" />";

    [Fact]
    public async Task Mock_response_defaults_to_an_empty_200_and_skips_the_rest()
    {
        // apim-reference §4.11: status-code defaults to 200; with no example or schema the body is empty.
        var gateway = Build(Policy("<mock-response /><set-variable name=\"after\" value=\"ran\" />", outbound: "<set-variable name=\"outbound\" value=\"ran\" />"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Empty(result.Body);
        Assert.Empty(result.BackendCalls);
        Assert.False(result.Variables.ContainsKey("after"));
        Assert.False(result.Variables.ContainsKey("outbound"));
    }

    [Fact]
    public async Task Mock_response_returns_the_status_code_and_content_type()
    {
        var gateway = Build(Policy("<mock-response status-code=\"201\" content-type=\"application/json\" />"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(201, result.StatusCode);
        Assert.Equal("Created", result.StatusReason);
        Assert.Equal("application/json", result.Header("Content-Type"));
        Assert.Empty(result.Body);
    }

    [Fact]
    public async Task Check_header_passes_a_present_header_when_no_values_are_listed()
    {
        // apim-reference §4.23: no <value> means a presence check only.
        var gateway = Build(Policy("<check-header name=\"x-tenant\" failed-check-httpcode=\"401\" failed-check-error-message=\"No tenant\" ignore-case=\"false\" />"));

        var result = await gateway.SendAsync(Call().WithHeader("x-tenant", "anything"));

        Assert.Equal(200, result.StatusCode);
        Assert.Single(result.BackendCalls);
    }

    [Fact]
    public async Task Check_header_missing_answers_the_configured_code_and_message_with_header_not_found()
    {
        // apim-reference §4.23 / §5.3: reason HeaderNotFound with the predefined message; the caller gets the
        // configured code and message.
        var gateway = Build(Policy("<check-header name=\"x-tenant\" failed-check-httpcode=\"401\" failed-check-error-message=\"No tenant\" ignore-case=\"false\" />", onError: ErrorEcho));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("No tenant", (string?)result.BodyJson!["message"]);
        Assert.Equal("check-header|HeaderNotFound|Header x-tenant was not found in the request. Access denied.", result.Variables["error"]);
        Assert.Empty(result.BackendCalls);
    }

    [Theory]
    [InlineData("true", "ACME", 200)]
    [InlineData("false", "ACME", 403)]
    [InlineData("false", "acme", 200)]
    [InlineData("false", "other", 403)]
    public async Task Check_header_values_compare_with_or_without_case(string ignoreCase, string sent, int expected)
    {
        // apim-reference §4.23: any listed value passes; ignore-case controls the comparison.
        var gateway = Build(Policy($"<check-header name=\"x-tenant\" failed-check-httpcode=\"403\" failed-check-error-message=\"Bad tenant\" ignore-case=\"{ignoreCase}\"><value>acme</value><value>contoso</value></check-header>"));

        var result = await gateway.SendAsync(Call().WithHeader("x-tenant", sent));

        Assert.Equal(expected, result.StatusCode);
    }

    [Fact]
    public async Task Check_header_value_not_allowed_names_the_value()
    {
        var gateway = Build(Policy("<check-header name=\"x-tenant\" failed-check-httpcode=\"403\" failed-check-error-message=\"Bad tenant\" ignore-case=\"true\"><value>acme</value></check-header>", onError: ErrorEcho));

        var result = await gateway.SendAsync(Call().WithHeader("x-tenant", "evil"));

        Assert.Equal(403, result.StatusCode);
        Assert.Equal("check-header|HeaderValueNotAllowed|Header x-tenant value of evil is not allowed. Access denied.", result.Variables["error"]);
    }

    [Theory]
    [InlineData("10.0.0.5", 200)]
    [InlineData("10.0.1.7", 200)]
    [InlineData("10.0.1.200", 403)]
    [InlineData("::ffff:10.0.0.5", 200)]
    public async Task Ip_filter_allow_admits_listed_addresses_and_inclusive_ranges(string caller, int expected)
    {
        // apim-reference §4.24: <address> and inclusive <address-range from to>; refusal is 403.
        var gateway = Build(Policy("<ip-filter action=\"allow\"><address>10.0.0.5</address><address-range from=\"10.0.1.1\" to=\"10.0.1.100\" /></ip-filter>"));

        var result = await gateway.SendAsync(Call() with { IpAddress = caller });

        Assert.Equal(expected, result.StatusCode);
    }

    [Fact]
    public async Task Ip_filter_allow_refuses_others_with_caller_ip_not_allowed()
    {
        // apim-reference §5.3: CallerIpNotAllowed, "Caller IP address {ip-address} is not allowed. Access denied."
        var gateway = Build(Policy("<ip-filter action=\"allow\"><address>10.0.0.5</address></ip-filter>", onError: ErrorEcho));

        var result = await gateway.SendAsync(Call() with { IpAddress = "192.168.1.1" });

        Assert.Equal(403, result.StatusCode);
        Assert.Equal("ip-filter|CallerIpNotAllowed|Caller IP address 192.168.1.1 is not allowed. Access denied.", result.Variables["error"]);
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task Ip_filter_forbid_blocks_listed_addresses_with_caller_ip_blocked()
    {
        // apim-reference §5.3: CallerIpBlocked, "Caller IP address is blocked. Access denied."
        var gateway = Build(Policy("<ip-filter action=\"forbid\"><address-range from=\"2001:db8::\" to=\"2001:db8::ffff\" /></ip-filter>"));

        var blocked = await gateway.SendAsync(Call() with { IpAddress = "2001:db8::12" });
        var other = await gateway.SendAsync(Call() with { IpAddress = "10.0.0.1" });

        Assert.Equal(403, blocked.StatusCode);
        Assert.Equal("Caller IP address is blocked. Access denied.", (string?)blocked.BodyJson!["message"]);
        Assert.Equal("CallerIpBlocked", blocked.LastError!.Reason);
        Assert.Equal(200, other.StatusCode);
    }

    [Fact]
    public async Task Ip_filter_fails_when_the_caller_address_cannot_be_read()
    {
        // apim-reference §5.3: FailedToParseCallerIP, "Failed to establish IP address for the caller. Access denied."
        var gateway = Build(Policy("<ip-filter action=\"forbid\"><address>10.0.0.1</address></ip-filter>"));

        var result = await gateway.SendAsync(Call() with { IpAddress = "not-an-ip" });

        Assert.Equal(403, result.StatusCode);
        Assert.Equal("FailedToParseCallerIP", result.LastError!.Reason);
    }

    [Fact]
    public async Task Ip_filter_action_and_addresses_take_expressions()
    {
        var gateway = Build(Policy("<ip-filter action=\"@(&quot;allow&quot;)\"><address>@(context.Request.Headers.GetValueOrDefault(\"x-allowed\", \"\"))</address></ip-filter>"));

        var result = await gateway.SendAsync(Call().WithHeader("x-allowed", "127.0.0.1"));

        Assert.Equal(200, result.StatusCode);
    }
}
