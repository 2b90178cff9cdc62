using ApimAiGateway.Harness.Tests.Analysis;

namespace ApimAiGateway.Harness.Tests.Fragments;

/// <summary>apim-policy lint flags a fragment in fragments/ whose contract is missing or wrong, as a warning.</summary>
public sealed class FragmentContractLintTests : IDisposable
{
    private const string Contract = "<!--\nid: alpha\nsection: inbound\nsummary: s\nreads:\n  namedValues: [limit]\n-->\n";

    private readonly LintFixture _repo = new();

    public void Dispose() => _repo.Dispose();

    [Fact]
    public void A_fragment_without_a_contract_is_a_warning_not_an_error()
    {
        var file = _repo.Write("fragments/alpha.xml", "<fragment><set-variable name=\"a\" value=\"1\" /></fragment>");

        var result = _repo.Lint(paths: "fragments");

        var diagnostic = result.Single("AGW8101");
        Assert.Equal((file, 1, 1), (diagnostic.Location.File, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void A_fragment_with_its_contract_is_clean_and_its_named_values_are_checked_against_the_environment()
    {
        _repo.Write("fragments/alpha.xml", Contract + "<fragment><set-variable name=\"a\" value=\"{{limit}}\" /></fragment>");
        var declared = _repo.Write("named-values.json", """{ "namedValues": [ { "name": "limit", "secret": false, "value": "1" } ] }""");
        var undeclared = _repo.Write("other-values.json", """{ "namedValues": [ { "name": "other", "secret": false, "value": "1" } ] }""");

        Assert.Empty(_repo.Lint(declared, "fragments").Diagnostics);
        Assert.Contains(_repo.Lint(undeclared, "fragments").Diagnostics, d => d.Code == "AGW8109" && d.Location.Line == 6);
    }

    [Fact]
    public void Fragments_outside_a_fragments_directory_and_fragments_read_only_for_includes_are_not_held_to_the_convention()
    {
        _repo.Write("lib/alpha.xml", "<fragment><set-variable name=\"a\" value=\"1\" /></fragment>");
        _repo.Write("fragments/beta.xml", "<fragment><set-variable name=\"b\" value=\"1\" /></fragment>");
        _repo.Write("policies/global.xml", "<policies><inbound><include-fragment fragment-id=\"beta\" /></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>");

        Assert.DoesNotContain(_repo.Lint(paths: ["lib", "policies"]).Diagnostics, d => d.Code.StartsWith("AGW81", StringComparison.Ordinal));
    }
}
