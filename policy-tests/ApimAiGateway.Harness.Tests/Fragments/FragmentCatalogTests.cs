using ApimAiGateway.Harness.Fragments;
using ApimAiGateway.Harness.Tests.Analysis;

namespace ApimAiGateway.Harness.Tests.Fragments;

/// <summary>The catalog read from a repository's fragments and named values, and the Markdown written from it.</summary>
public sealed class FragmentCatalogTests : IDisposable
{
    private readonly LintFixture _repo = new();

    public FragmentCatalogTests()
    {
        _repo.Write("policies/global.xml", "<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>");
        _repo.Write("policies/named-values.json", """
            { "namedValues": [
              { "name": "limit-calls", "secret": false, "value": "5" },
              { "name": "limit-key", "secret": true, "keyVaultSecretName": "limit-key-secret" } ] }
            """);
    }

    public void Dispose() => _repo.Dispose();

    private void WriteFragment(string id, string section, string[] namedValues, string extra = "") => _repo.Write($"fragments/{id}.xml", $"""
        <!--
        id: {id}
        section: {section}
        summary: The {id} fragment | with a pipe and <angle> brackets.
        reads:
          namedValues: [{string.Join(", ", namedValues)}]
          variables: [caller-id (set earlier)]
          request: [path /deployments/<deployment>/...]
        {extra}
        -->
        <fragment><set-variable name="a" value="{string.Concat(namedValues.Select(n => "{{" + n + "}}"))}" /></fragment>
        """);

    [Fact]
    public void Fragments_are_listed_in_id_order_with_the_declared_named_values()
    {
        WriteFragment("zeta", "outbound", []);
        WriteFragment("alpha", "inbound", ["limit-calls"]);

        var catalog = FragmentCatalog.Load(_repo.Root);

        Assert.True(catalog.IsComplete, string.Join("\n", catalog.Diagnostics));
        Assert.Equal(["alpha", "zeta"], catalog.Fragments.Select(f => f.Id));
        Assert.True(catalog.NamedValues.TryGet("limit-key", out var secret) && secret.IsSecret);
    }

    [Fact]
    public void A_fragment_without_a_contract_or_with_an_undeclared_named_value_makes_the_catalog_incomplete()
    {
        WriteFragment("alpha", "inbound", ["limit-calls", "limit-typo"]);
        _repo.Write("fragments/bare.xml", "<fragment />");

        var catalog = FragmentCatalog.Load(_repo.Root);

        Assert.False(catalog.IsComplete);
        Assert.Equal(["AGW8101", "AGW8109"], catalog.Diagnostics.Select(d => d.Code).Order());
        Assert.Equal(["alpha"], catalog.Fragments.Select(f => f.Id));
    }

    [Fact]
    public void A_repository_without_fragments_is_an_input_problem()
    {
        var catalog = FragmentCatalog.Load(_repo.Root);

        Assert.Equal("AGW9002", Assert.Single(catalog.Diagnostics).Code);
    }

    [Fact]
    public void The_markdown_has_an_index_a_section_per_fragment_and_an_include_snippet()
    {
        WriteFragment("alpha", "on-error", ["limit-calls", "limit-key"], "returns:\n  - status: 429\n    code: TooMany\n    when: a | b");

        var markdown = FragmentCatalogWriter.Write(FragmentCatalog.Load(_repo.Root));

        Assert.Contains("| [alpha](#alpha) | on-error | The alpha fragment \\| with a pipe and &lt;angle&gt; brackets. |\n", markdown);
        Assert.Contains("\n## alpha\n", markdown);
        Assert.Contains("| `limit-calls` | plain |\n", markdown);
        Assert.Contains("| `limit-key` | secret (Key Vault secret `limit-key-secret`) |\n", markdown);
        Assert.Contains("- Variables: `caller-id` (set earlier)\n", markdown);
        Assert.Contains("- Request: path /deployments/&lt;deployment&gt;/...\n", markdown);
        Assert.Contains("| 429 | TooMany | a \\| b |\n", markdown);
        Assert.Contains("<on-error>\n    <base />\n    <include-fragment fragment-id=\"alpha\" />\n</on-error>\n", markdown);
        Assert.DoesNotContain("\r", markdown);
        Assert.EndsWith("```\n", markdown);
    }

    [Fact]
    public void The_markdown_is_the_same_on_every_run_with_fragments_in_id_order()
    {
        WriteFragment("beta", "inbound", []);
        WriteFragment("alpha", "inbound", []);
        var first = FragmentCatalogWriter.Write(FragmentCatalog.Load(_repo.Root));

        Assert.Equal(first, FragmentCatalogWriter.Write(FragmentCatalog.Load(_repo.Root)));
        Assert.True(first.IndexOf("## alpha", StringComparison.Ordinal) < first.IndexOf("## beta", StringComparison.Ordinal));
    }
}
