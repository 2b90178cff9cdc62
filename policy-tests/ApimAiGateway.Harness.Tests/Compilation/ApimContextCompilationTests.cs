using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Tests.Compilation;

/// <summary>The compiler with APIM's options compiles against the real context model and its helpers.</summary>
public sealed class ApimContextCompilationTests
{
    private static ExpressionSource Source(string code, ExpressionKind kind = ExpressionKind.SingleStatement) =>
        new(code, kind, ExpressionResultType.Object, offset => new SourceLocation("p.xml", 1, offset + 1));

    [Fact]
    public void Documented_helper_shapes_compile_without_apim_diagnostics_and_run()
    {
        var compilation = new ExpressionCompiler(ExpressionCompilerOptions.Apim()).Compile(
        [
            Source("context.Request.Headers.GetValueOrDefault(\"Authorization\", \"none\")"),
            Source("context.Variables.GetValueOrDefault<int>(\"n\", 7)"),
            Source("context.Request.Url.Query.GetValueOrDefault(\"api-version\")"),
            Source(" var jwt = \"x\".AsJwt(); return jwt == null ? \"no token\" : jwt.Subject; ", ExpressionKind.MultiStatement),
        ]);

        Assert.True(compilation.Succeeded, string.Join("\n", compilation.Diagnostics));
        var request = new GatewayRequest("GET", new Url(new Uri("https://gw/api?api-version=2024-10-21")));
        var context = new ExpressionContext(request);
        var results = Enumerable.Range(0, 4).Select(i => compilation.Expressions!.Get<IExpressionContext>(i)(context)).ToArray();
        Assert.Equal(["none", 7, "2024-10-21", "no token"], results);
    }

    [Fact]
    public void The_context_model_is_apims_own_api_and_exempt_from_the_type_list()
    {
        var compilation = new ExpressionCompiler(ExpressionCompilerOptions.Apim()).Compile(
            [Source("context.Deployment.Region + context.Elapsed.TotalSeconds + context.RequestId")]);

        Assert.DoesNotContain(compilation.Diagnostics, d => d.Code.StartsWith("APIM", StringComparison.Ordinal));
    }
}
