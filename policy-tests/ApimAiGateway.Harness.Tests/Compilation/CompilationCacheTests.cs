using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Tests.Compilation.TestApi;
using static ApimAiGateway.Harness.Tests.Compilation.CompilerTestSupport;

namespace ApimAiGateway.Harness.Tests.Compilation;

public sealed class CompilationCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "apim-cache-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void An_unchanged_set_is_loaded_from_disk_and_still_runs()
    {
        var first = new ExpressionCompiler(Options(_directory)).Compile([Source("context.Name + \"!\"")]);
        var second = new ExpressionCompiler(Options(_directory)).Compile([Source("context.Name + \"!\"")]);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal("a!", second.Expressions!.Get<ITestContext>(0)(new TestContext("a")));
    }

    [Fact]
    public void Cached_errors_are_mapped_to_where_the_expression_stands_now()
    {
        new ExpressionCompiler(Options(_directory)).Compile([Source("context.Nope", line: 3, column: 5)]);
        var moved = new ExpressionCompiler(Options(_directory)).Compile([Source("context.Nope", line: 9, column: 7)]);

        Assert.True(moved.FromCache);
        var diagnostic = Assert.Single(moved.Diagnostics);
        Assert.Equal("CS1061", diagnostic.Code);
        Assert.Equal((9, 15), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void A_changed_expression_is_compiled_again()
    {
        new ExpressionCompiler(Options(_directory)).Compile([Source("1")]);
        var changed = new ExpressionCompiler(Options(_directory)).Compile([Source("2")]);

        Assert.False(changed.FromCache);
        Assert.Equal(2, changed.Expressions!.Get<ITestContext>(0)(new TestContext("a")));
    }

    [Fact]
    public void A_corrupt_entry_is_reported_as_a_warning_and_the_set_is_compiled_afresh()
    {
        new ExpressionCompiler(Options(_directory)).Compile([Source("3")]);
        foreach (var file in Directory.GetFiles(_directory, "*.json"))
        {
            File.WriteAllText(file, "{ not json");
        }

        var again = new ExpressionCompiler(Options(_directory)).Compile([Source("3")]);

        Assert.False(again.FromCache);
        Assert.True(again.Succeeded);
        Assert.Contains(again.Diagnostics, d => d is { Code: "AGW6002", IsError: false });
    }
}
