using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Tests.Compilation.TestApi;

namespace ApimAiGateway.Harness.Tests.Compilation;

internal static class CompilerTestSupport
{
    public static ExpressionCompilerOptions Options(string? cacheDirectory = null) => new()
    {
        ContextType = typeof(ITestContext),
        ApiNamespaces = [typeof(ITestContext).Namespace!],
        CacheDirectory = cacheDirectory,
    };

    /// <summary>An expression whose code starts at (line, column) of a file, mapped the way the reader maps it.</summary>
    public static ExpressionSource Source(
        string code,
        ExpressionKind kind = ExpressionKind.SingleStatement,
        ExpressionResultType resultType = ExpressionResultType.Object,
        string file = "policy.xml",
        int line = 1,
        int column = 1) =>
        new(code, kind, resultType, offset => LocationIn(code, offset, file, line, column));

    public static ExpressionSource Block(string code, int line = 1, int column = 1) =>
        Source(code, ExpressionKind.MultiStatement, line: line, column: column);

    public static ExpressionCompilation Compile(params ExpressionSource[] sources) =>
        new ExpressionCompiler(Options()).Compile(sources);

    public static object? Evaluate(ExpressionCompilation compilation, int index, ITestContext? context = null)
    {
        Assert.True(compilation.Succeeded, string.Join("\n", compilation.Diagnostics));
        return compilation.Expressions!.Get<ITestContext>(index)(context ?? new TestContext("test"));
    }

    public static Diagnostic Single(ExpressionCompilation compilation)
    {
        Assert.False(compilation.Succeeded);
        return Assert.Single(compilation.Diagnostics);
    }

    private static SourceLocation LocationIn(string code, int offset, string file, int line, int column)
    {
        for (var i = 0; i < offset && i < code.Length; i++)
        {
            if (code[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return new SourceLocation(file, line, column);
    }
}
