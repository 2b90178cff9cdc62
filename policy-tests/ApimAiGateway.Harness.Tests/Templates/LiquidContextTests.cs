using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Templates;
using static ApimAiGateway.Harness.Tests.Templates.LiquidMessages;

namespace ApimAiGateway.Harness.Tests.Templates;

/// <summary>The <c>context</c> members "set-body policy" lists for Liquid templates.</summary>
public sealed class LiquidContextTests
{
    private static string Render(string template, ExpressionContext context, LiquidMessage message = LiquidMessage.Request, string? originalMethod = null)
    {
        var result = Renderer.Render(new LiquidRenderRequest(template, context, message) { OriginalMethod = originalMethod });
        Assert.True(result.Succeeded, result.Failure);
        return result.Output;
    }

    [Theory]
    [InlineData("{{ context.Request.Method }}", "POST")]
    [InlineData("{{ context.Request.IpAddress }}", "203.0.113.7")]
    [InlineData("{{ context.Request.MatchedParameters.orderId }}", "42")]
    [InlineData("{{ context.Request.Url.Scheme }}|{{ context.Request.Url.Host }}|{{ context.Request.Url.Port }}", "https|api.contoso.test|8443")]
    [InlineData("{{ context.Request.Url.Path }}{{ context.Request.Url.QueryString }}", "/orders/42?v=2&tag=a&tag=b")]
    [InlineData("{{ context.Request.Url.Query.v }}|{{ context.Request.Url.Query.tag }}", "2|a,b")]
    [InlineData("{{ context.Request.Url.ToString }}", "https://api.contoso.test:8443/orders/42?v=2&tag=a&tag=b")]
    [InlineData("{{ context.Request.Url.ToUri }}", "https://api.contoso.test:8443/orders/42?v=2&tag=a&tag=b")]
    [InlineData("{{ context.Response.StatusCode }}|{{ context.Response.Method }}", "200|POST")]
    public void Documented_request_and_response_members_render(string template, string expected) =>
        Assert.Equal(expected, Render(template, NewContext()));

    [Fact]
    public void Headers_are_found_by_name_in_any_case_as_in_the_docs_content_type_example()
    {
        var context = NewContext("{}", "application/json");
        context.Request.Headers.Set("X-Multi", "a", "b");

        var output = Render("""{{ context.Request.Headers["Content-Type"] }}|{{ context.Request.Headers["content-type"] }}|{{ context.Request.Headers["X-Multi"] }}|{{ context.Request.Headers["Absent"] }}""", context);

        Assert.Equal("application/json|application/json|a,b|", output);
    }

    [Fact]
    public void Response_headers_render_too()
    {
        var context = NewContext();
        context.Response.Headers.Set("ETag", "\"v1\"");

        Assert.Equal("\"v1\"", Render("""{{ context.Response.Headers["etag"] }}""", context, LiquidMessage.Response));
    }

    [Fact]
    public void Original_url_keeps_the_received_url_after_a_rewrite()
    {
        var context = NewContext();
        context.Request.Url.Path = "/backend/orders";

        Assert.Equal("/backend/orders|/orders/42", Render("{{ context.Request.Url.Path }}|{{ context.Request.OriginalUrl.Path }}", context));
    }

    [Fact]
    public void Original_method_is_the_given_one_or_else_the_current_method()
    {
        Assert.Equal("GET", Render("{{ context.Request.OriginalMethod }}", NewContext(), originalMethod: "GET"));
        Assert.Equal("POST", Render("{{ context.Request.OriginalMethod }}", NewContext()));
    }

    [Theory]
    [InlineData("""{"a":1}""", "true")]
    [InlineData(null, "false")]
    [InlineData("", "false")]
    public void Has_body_says_whether_the_request_carries_content(string? body, string expected) =>
        Assert.Equal(expected, Render("{{ context.Request.HasBody }}", NewContext(body, "application/json")));

    [Fact]
    public void Client_certificates_is_empty_without_a_client_certificate() =>
        Assert.Equal("0", Render("{{ context.Request.ClientCertificates | Size }}", NewContext()));

    // "set-body policy" lists only Request and Response (and Url members) for Liquid; variables, the API, the user
    // and the rest of the expression context are not bound.
    [Fact]
    public void Members_outside_the_documented_list_are_not_bound()
    {
        var context = NewContext();
        context.Variables.Set("secret", "s3");

        Assert.Equal("[][]", Render("[{{ context.Variables.secret }}][{{ context.Api.Name }}]", context));
    }
}
