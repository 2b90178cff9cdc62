using ApimAiGateway.Harness.Tests.Analysis;

namespace ApimAiGateway.Harness.Tests.Cli;

/// <summary>apim-policy docs as a maintainer and CI drive it: writing the catalog, --check, and bad contracts.</summary>
public sealed class DocsCommandTests : IDisposable
{
    private readonly LintFixture _repo = new();

    public DocsCommandTests()
    {
        _repo.Write("policies/global.xml", "<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>");
        _repo.Write("fragments/alpha.xml", "<!--\nid: alpha\nsection: inbound\nsummary: First.\nsets:\n  variables: [a]\n-->\n<fragment><set-variable name=\"a\" value=\"1\" /></fragment>");
    }

    public void Dispose() => _repo.Dispose();

    private string Catalog => Path.Combine(_repo.Root, "docs", "fragments.md");

    private static Task<(int Exit, string Output, string Error)> Run(params string[] args) => CliRun.RunAsync(["docs", .. args]);

    [Fact]
    public async Task Docs_writes_the_catalog_under_the_repository_and_exits_0()
    {
        var (exit, output, _) = await Run(_repo.Root);

        Assert.Equal(0, exit);
        Assert.Equal($"Wrote {Catalog}: 1 fragment(s).", output.Trim());
        Assert.Contains("| [alpha](#alpha) | inbound | First. |", File.ReadAllText(Catalog));
    }

    [Fact]
    public async Task Output_names_another_file()
    {
        var target = Path.Combine(_repo.Root, "out", "catalog.md");

        var (exit, _, _) = await Run(_repo.Root, "--output", target);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(target));
        Assert.False(File.Exists(Catalog));
    }

    [Fact]
    public async Task Check_exits_0_when_current_and_1_when_stale_or_missing_and_writes_nothing()
    {
        var missing = await Run(_repo.Root, "--check");
        Assert.Equal(1, missing.Exit);
        Assert.Contains("docs/fragments.md is missing; regenerate it with 'apim-policy docs'.", missing.Error.Replace('\\', '/'));
        Assert.False(File.Exists(Catalog));

        await Run(_repo.Root);
        Assert.Equal(0, (await Run(_repo.Root, "--check")).Exit);

        File.WriteAllText(Catalog, File.ReadAllText(Catalog).Replace("\n", "\r\n", StringComparison.Ordinal));
        Assert.Equal(0, (await Run(_repo.Root, "--check")).Exit);

        _repo.Write("fragments/alpha.xml", File.ReadAllText(Path.Combine(_repo.Root, "fragments", "alpha.xml")).Replace("First.", "Changed.", StringComparison.Ordinal));
        var stale = await Run(_repo.Root, "--check");
        Assert.Equal(1, stale.Exit);
        Assert.Contains("is out of date", stale.Error);
        Assert.DoesNotContain("Changed.", File.ReadAllText(Catalog));
    }

    [Fact]
    public async Task Contract_problems_are_printed_as_located_diagnostics_exit_1_and_nothing_is_written()
    {
        var file = _repo.Write("fragments/beta.xml", "<!--\nid: beta\nsection: sideways\nsummary: s\nsets: {}\n-->\n<fragment />");

        var (exit, output, error) = await Run(_repo.Root);

        Assert.Equal(1, exit);
        Assert.StartsWith($"{file}:3:10: warning AGW8105: Section 'sideways' is not a policy section", output);
        Assert.Contains("1 problem(s) in the fragments' contracts", error);
        Assert.False(File.Exists(Catalog));
    }

    [Fact]
    public async Task A_missing_repository_exits_2()
    {
        var (exit, _, error) = await Run(Path.Combine(_repo.Root, "nowhere"));

        Assert.Equal(2, exit);
        Assert.Contains("no repository", error);
    }

    [Fact]
    public async Task A_repository_without_fragments_exits_2()
    {
        File.Delete(Path.Combine(_repo.Root, "fragments", "alpha.xml"));

        var (exit, output, _) = await Run(_repo.Root);

        Assert.Equal(2, exit);
        Assert.Contains("AGW9002", output);
    }
}
