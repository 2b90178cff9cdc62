using ApimAiGateway.Harness.Analysis;
using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>The library as a whole: what API teams import must lint clean.</summary>
public sealed class FragmentLibraryTests
{
    [Fact]
    public void Every_fragment_and_policy_lints_without_errors_or_warnings()
    {
        var paths = new[] { "policies", "fragments" }
            .Select(p => Path.Combine(FragmentFixture.RepositoryRoot, p))
            .Where(p => Directory.Exists(p) && Directory.EnumerateFiles(p, "*.xml", SearchOption.AllDirectories).Any())
            .ToList();
        var result = new PolicyLinter(PolicyCatalog.Default, new ExpressionCompiler(ExpressionCompilerOptions.Apim()))
            .Lint(new LintRequest(paths) { NamedValuesFile = Path.Combine(FragmentFixture.RepositoryRoot, "policies", "named-values.json") });

        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
        Assert.True(result.FilesLinted >= 1);
    }
}
