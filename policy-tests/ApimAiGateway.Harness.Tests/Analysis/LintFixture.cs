using ApimAiGateway.Harness.Analysis;
using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Harness.Tests.Analysis;

/// <summary>A throwaway repository on disk in the documented layout, linted as the CLI would lint it.</summary>
internal sealed class LintFixture : IDisposable
{
    public LintFixture() => Directory.CreateDirectory(Root);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "apim-lint-" + Guid.NewGuid().ToString("N"));

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public LintResult Lint(string? namedValues = null, params string[] paths) =>
        new PolicyLinter(PolicyCatalog.Default, new ExpressionCompiler(ExpressionCompilerOptions.Apim()))
            .Lint(new LintRequest(paths.Length == 0 ? [Path.Combine(Root, "policies")] : paths.Select(p => Path.Combine(Root, p)).ToArray())
            {
                NamedValuesFile = namedValues is null ? null : Path.Combine(Root, namedValues),
            });

    /// <summary>Lints <paramref name="inbound"/> as the inbound section of the global policy.</summary>
    public LintResult LintInbound(string inbound, string outbound = "<base />")
    {
        Write("policies/global.xml", $"<policies>\n<inbound>\n{inbound}\n</inbound>\n<backend><forward-request /></backend>\n<outbound>{outbound}</outbound>\n<on-error />\n</policies>");
        return Lint();
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}

internal static class LintAssertions
{
    public static Diagnostic Single(this LintResult result, string code) =>
        Assert.Single(result.Diagnostics, d => d.Code == code);

    public static void Clean(this LintResult result) =>
        Assert.True(result.Diagnostics.Count == 0, string.Join("\n", result.Diagnostics));
}
