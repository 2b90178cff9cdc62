using ApimAiGateway.Harness.Gateway;
using static ApimAiGateway.Harness.Tests.Execution.Messages.MessageGateway;

namespace ApimAiGateway.Harness.Tests.Execution.Messages;

/// <summary>set-query-parameter, set-method and rewrite-uri: what the backend is asked for.</summary>
public sealed class RequestLinePolicyTests
{
    private static readonly OperationDefinition GetOrder = new("get-order", "GET", "/items/{id}?tenant={tenant}");

    [Fact]
    public async Task Set_query_parameter_overrides_by_default_and_repeats_several_values()
    {
        // apim-reference §4.3: exists-action defaults to override; several <value>s make a repeated parameter.
        var gateway = Build(Policy("<set-query-parameter name=\"a\"><value>1</value><value>2</value></set-query-parameter>"));

        var result = await gateway.SendAsync(Call(path: "/orders/x?a=0&b=keep"));

        Assert.Equal(["a=1", "a=2", "b=keep"], SortedQuery(Received(result).Uri));
    }

    [Theory]
    [InlineData("skip", "?a=0")]
    [InlineData("append", "?a=0&a=new")]
    [InlineData("delete", "")]
    public async Task Set_query_parameter_exists_actions(string action, string expected)
    {
        // apim-reference §4.3: the same four exists-action values as set-header.
        var gateway = Build(Policy($"<set-query-parameter name=\"a\" exists-action=\"{action}\"><value>new</value></set-query-parameter>"));

        var result = await gateway.SendAsync(Call(path: "/orders/x?a=0"));

        Assert.Equal(expected, Received(result).Uri.Query);
    }

    [Fact]
    public async Task Set_query_parameter_takes_expressions_and_skip_adds_when_absent()
    {
        var gateway = Build(Policy("<set-query-parameter name=\"@(&quot;sub&quot;)\" exists-action=\"skip\"><value>@(context.Subscription.Id)</value></set-query-parameter>"));

        var result = await gateway.SendAsync(Call(path: "/orders/x"));

        Assert.Equal("?sub=sub-1", Received(result).Uri.Query);
    }

    [Fact]
    public async Task Set_method_changes_the_backend_method_and_takes_expressions()
    {
        // apim-reference §4.6: the element text is the verb; expressions allowed.
        var gateway = Build(Policy("<set-method>@(context.Request.Method == \"GET\" ? \"POST\" : \"PUT\")</set-method>"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal("POST", Received(result).Method);
    }

    [Fact]
    public async Task Rewrite_uri_drops_the_template_matched_query_and_copies_the_rest()
    {
        // apim-reference §4.7: operation /get?a={b}, request /get?a=b&c=d, rewrite to /put gives /put?c=d.
        var operation = new OperationDefinition("get", "GET", "/get?a={b}");
        var gateway = Build(Policy("<rewrite-uri template=\"/put\" />"), operations: operation);

        var result = await gateway.SendAsync(Call(path: "/orders/get?a=b&c=d"));

        Assert.Equal("https://backend.test/api/put?c=d", Received(result).Uri.ToString());
    }

    [Fact]
    public async Task Rewrite_uri_without_copying_unmatched_parameters_sends_only_the_template()
    {
        // apim-reference §4.7: copy-unmatched-params="false" gives /put.
        var operation = new OperationDefinition("get", "GET", "/get?a={b}");
        var gateway = Build(Policy("<rewrite-uri template=\"/put\" copy-unmatched-params=\"false\" />"), operations: operation);

        var result = await gateway.SendAsync(Call(path: "/orders/get?a=b&c=d"));

        Assert.Equal("https://backend.test/api/put", Received(result).Uri.ToString());
    }

    [Fact]
    public async Task Rewrite_uri_fills_path_and_query_parameters_of_the_operation_template()
    {
        // apim-reference §4.7: {param} placeholders refer to the operation's URL-template parameters; only query
        // parameters can be added.
        var gateway = Build(
            Policy("<rewrite-uri template=\"/v2/{tenant}/orders?id={id}&amp;fixed=1\" /><set-variable name=\"url\" value=\"@(context.Request.Url.Path)\" />"),
            operations: GetOrder);

        var result = await gateway.SendAsync(Call(path: "/orders/items/42?tenant=acme&trace=on"));

        Assert.Equal("/api/v2/acme/orders", Received(result).Uri.AbsolutePath);
        Assert.Equal(["fixed=1", "id=42", "trace=on"], SortedQuery(Received(result).Uri));
        Assert.Equal("/orders/v2/acme/orders", result.Variables["url"]);
    }

    [Fact]
    public async Task Rewrite_uri_template_may_be_an_expression()
    {
        var gateway = Build(Policy("<rewrite-uri template=\"@(&quot;/by-sub/&quot; + context.Subscription.Id)\" />"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal("/api/by-sub/sub-1", Received(result).Uri.AbsolutePath);
    }

    [Fact]
    public async Task Rewrite_uri_with_a_parameter_the_operation_lacks_fails_before_the_backend()
    {
        var gateway = Build(Policy("<rewrite-uri template=\"/{missing}\" />", onError: "<set-body>@(context.LastError.Source + \"|\" + context.LastError.Reason)</set-body>"), operations: GetOrder);

        var result = await gateway.SendAsync(Call(path: "/orders/items/42"));

        Assert.Empty(result.BackendCalls);
        Assert.Equal("rewrite-uri|TemplateParameterNotFound", result.BodyText);
    }
}
