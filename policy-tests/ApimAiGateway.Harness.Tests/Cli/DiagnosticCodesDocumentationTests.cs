using ApimAiGateway.Cli.Commands;

namespace ApimAiGateway.Harness.Tests.Cli;

public sealed class DiagnosticCodesDocumentationTests
{
    [Fact]
    public void Docs_diagnostics_md_holds_the_current_table_of_codes()
    {
        var repository = ThisRepository.Root;

        var documented = File.ReadAllText(Path.Combine(repository, "docs", "diagnostics.md"));

        Assert.True(documented.Contains(CodesCommand.MarkdownTable(), StringComparison.Ordinal),
            "docs/diagnostics.md is out of date: regenerate its table with `apim-policy codes`.");
    }
}
