using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Tests.RealWorld;

/// <summary>
/// get-authorization-context stores an <c>Authorization</c> object (the page's "Authorization object" section), and
/// Microsoft's GitHub, ServiceNow, Spotify and Databricks MCP labs read its token with a cast to that type.
/// </summary>
public sealed class AuthorizationObjectTests
{
    [Fact]
    public void The_cast_in_the_published_token_expression_binds_to_the_authorization_object()
    {
        // APIM's own Authorization wins over System.Net.Authorization (System.Net is imported too): the expression
        // API is imported inside the generated namespace, where it takes precedence.
        var compilation = new ExpressionCompiler(ExpressionCompilerOptions.Apim()).Compile(
        [
            new ExpressionSource(
                "\"Bearer \" + ((Authorization)context.Variables.GetValueOrDefault(\"connection\"))?.AccessToken",
                ExpressionKind.SingleStatement,
                ExpressionResultType.Object,
                offset => new SourceLocation("p.xml", 1, offset + 1)),
        ]);

        Assert.True(compilation.Succeeded, string.Join("\n", compilation.Diagnostics));
        var context = new ExpressionContext(new GatewayRequest("GET", new Url(new Uri("https://gw/mcp"))));
        context.Variables.Set("connection", new Authorization("t0k", new Dictionary<string, object> { ["scope"] = "repo" }));
        Assert.Equal("Bearer t0k", compilation.Expressions!.Get<IExpressionContext>(0)(context));
    }
}
