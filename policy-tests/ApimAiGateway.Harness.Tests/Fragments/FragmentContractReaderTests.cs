using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Fragments;
using ApimAiGateway.Harness.NamedValues;

namespace ApimAiGateway.Harness.Tests.Fragments;

/// <summary>The contract a fragment opens with: what is read from it, and every problem located in the fragment file.</summary>
public sealed class FragmentContractReaderTests
{
    private const string File = "fragments/limits.xml";

    private const string Contract = """
        <!--
        id: limits
        section: inbound
        summary: Limits the caller.
        reads:
          namedValues: [limit-calls, limit-key]
          variables: [caller-id (set by an earlier fragment)]
          request: [header Authorization]
        sets:
          variables: [limit-remaining]
          headers: [x-remaining]
        returns:
          - status: 429
            code: RateLimitExceeded
            when: the caller is over the limit
        notes: |
          Pair with limits-errors.
        -->
        <fragment><rate-limit-by-key calls="{{limit-calls}}" renewal-period="60" counter-key="{{limit-key}}" /></fragment>
        """;

    private static FragmentContractReadResult Read(string text, NamedValueSet? declared = null) => FragmentContractReader.Read(text, File, declared);

    private static Diagnostic Single(string text, string code)
    {
        var diagnostic = Assert.Single(Read(text).Diagnostics);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        return diagnostic;
    }

    [Fact]
    public void A_complete_contract_is_read_into_its_parts()
    {
        var read = Read(Contract);

        Assert.Empty(read.Diagnostics);
        var contract = Assert.IsType<FragmentContract>(read.Contract);
        Assert.Equal(("limits", "inbound", "Limits the caller."), (contract.Id, contract.Section, contract.Summary));
        Assert.Equal(["limit-calls", "limit-key"], contract.Reads.NamedValues);
        Assert.Equal(["caller-id (set by an earlier fragment)"], contract.Reads.Variables);
        Assert.Equal(["header Authorization"], contract.Reads.Request);
        Assert.Empty(contract.Reads.Response);
        Assert.Equal(["limit-remaining"], contract.Sets.Variables);
        Assert.Equal(["x-remaining"], contract.Sets.Headers);
        Assert.Equal(new FragmentReturn("429", "RateLimitExceeded", "the caller is over the limit"), Assert.Single(contract.Returns));
        Assert.Equal("Pair with limits-errors.", contract.Description);
        Assert.Equal((2, 1), (contract.Location.Line, contract.Location.Column));
    }

    [Fact]
    public void An_xml_declaration_may_stand_before_the_contract()
    {
        Assert.NotNull(Read("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n" + Contract).Contract);
    }

    [Theory]
    [InlineData("<fragment />")]
    [InlineData("<fragment><!-- id: limits --></fragment>")]
    [InlineData("<!-- id: limits")]
    [InlineData("")]
    [InlineData("<!---->\n<fragment />")]
    [InlineData("<!-- Limits the caller. -->\n<fragment />")]
    public void A_fragment_without_a_contract_comment_is_one_warning(string text)
    {
        var diagnostic = Single(text, "AGW8101");

        Assert.Equal(File, diagnostic.Location.File);
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_its_line_and_column_in_the_fragment_file()
    {
        // Line 4 of the file maps "section" twice in one line, which YAML refuses at the second ':' (column 25).
        var diagnostic = Single("<!--\nid: limits\nsummary: s\nsection: inbound: outbound\nreads: {}\n-->\n<fragment />", "AGW8102");

        Assert.Equal((File, 4), (diagnostic.Location.File, diagnostic.Location.Line));
    }

    [Fact]
    public void Yaml_on_the_comment_line_is_located_after_the_comment_opening()
    {
        var diagnostic = Single("  <!--bogus: 1\nid: limits\nsection: inbound\nsummary: s\nreads: {} -->\n<fragment />", "AGW8106");

        Assert.Equal((1, 7), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("section")]
    [InlineData("summary")]
    public void A_missing_required_key_is_named_and_leaves_no_contract(string key)
    {
        var text = Contract.Replace($"\n{key}: ", $"\nx-{key}: ", StringComparison.Ordinal);

        var read = Read(text);

        Assert.Null(read.Contract);
        Assert.Contains(read.Diagnostics, d => d.Code == "AGW8103" && d.Message.Contains($"'{key}'", StringComparison.Ordinal));
        Assert.Contains(read.Diagnostics, d => d.Code == "AGW8106" && d.Message.Contains($"'x-{key}'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_id_other_than_the_file_name_is_reported_at_the_id()
    {
        var diagnostic = Single(Contract.Replace("id: limits", "id: limit", StringComparison.Ordinal), "AGW8104");

        Assert.Equal("The contract's id is 'limit' but the file makes the fragment 'limits'; a fragment's id is its file name.", diagnostic.Message);
        Assert.Equal((2, 5), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void A_section_that_is_not_a_policy_section_is_reported_with_the_four_that_are()
    {
        var diagnostic = Single(Contract.Replace("section: inbound", "section: in", StringComparison.Ordinal), "AGW8105");

        Assert.Equal("Section 'in' is not a policy section; expected one of: inbound, backend, outbound, on-error.", diagnostic.Message);
        Assert.Equal((3, 10), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void An_unknown_key_inside_reads_is_reported_where_it_is_written_and_the_rest_is_kept()
    {
        var read = Read(Contract.Replace("  request:", "  requests:", StringComparison.Ordinal));

        var diagnostic = Assert.Single(read.Diagnostics);
        Assert.Equal(("AGW8106", 8, 3), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("expected one of: namedValues, variables, request, response", diagnostic.Message);
        Assert.Equal(["limit-calls", "limit-key"], read.Contract!.Reads.NamedValues);
    }

    [Theory]
    [InlineData("reads: [a, b]", "'reads' must be a map with the keys namedValues, variables, request, response.")]
    [InlineData("reads:\n  namedValues: one", "'reads.namedValues' must be a list.")]
    [InlineData("reads:\n  variables: [{a: 1}]", "An entry of 'reads.variables' must be a non-empty text.")]
    [InlineData("sets: {}\nreturns: {status: 400}", "'returns' must be a list.")]
    [InlineData("sets: {}\nreturns: [{status: [400]}]", "'returns[].status' must be a non-empty text.")]
    public void A_value_of_the_wrong_kind_is_reported(string tail, string message)
    {
        var diagnostic = Single($"<!--\nid: limits\nsection: inbound\nsummary: s\n{tail}\n-->\n<fragment />", "AGW8107");

        Assert.Equal(message, diagnostic.Message);
    }

    [Fact]
    public void A_return_without_a_status_is_reported()
    {
        Assert.Contains("returns[].status", Single("<!--\nid: limits\nsection: inbound\nsummary: s\nsets: {}\nreturns: [{code: X}]\n-->\n<fragment />", "AGW8103").Message);
    }

    [Theory]
    [InlineData("sets: {}\nreturns: [code: X]", "AGW8103", 11)]
    [InlineData("reads:\n  variables: [a: 1]", "AGW8107", 15)]
    public void A_map_written_as_one_pair_inside_a_flow_list_is_reported_at_its_key(string tail, string code, int column)
    {
        // YamlDotNet gives such an implicit map no position of its own; it must not be reported at the comment's start.
        var diagnostic = Single($"<!--\nid: limits\nsection: inbound\nsummary: s\n{tail}\n-->\n<fragment />", code);

        Assert.Equal((tail.Split('\n').Length + 4, column), (diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void A_contract_that_says_nothing_about_reads_or_sets_is_reported()
    {
        Single("<!--\nid: limits\nsection: inbound\nsummary: s\n-->\n<fragment />", "AGW8108");
    }

    [Fact]
    public void Named_values_the_environment_does_not_declare_are_reported_at_their_entry()
    {
        var declared = NamedValueSet.From([new NamedValue("limit-calls", "5", false, null, SourceLocation.StartOf("named-values.json"))]);

        var diagnostic = Assert.Single(Read(Contract, declared).Diagnostics);

        Assert.Equal(("AGW8109", 6, 30), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
        Assert.Contains("'limit-key'", diagnostic.Message);
    }

    [Fact]
    public void A_named_value_the_fragment_uses_but_the_contract_does_not_list_is_reported_at_its_use()
    {
        var diagnostic = Single(Contract
            .Replace("[limit-calls, limit-key]", "[limit-calls]", StringComparison.Ordinal)
            .Replace("{{limit-key}}", "{{limit-id}}", StringComparison.Ordinal), "AGW8110");

        Assert.Equal("The fragment uses named value 'limit-id', which its contract does not list under reads.namedValues.", diagnostic.Message);
        Assert.Equal(19, diagnostic.Location.Line);
    }

    [Fact]
    public void A_named_value_the_contract_lists_but_the_fragment_does_not_use_is_reported_at_its_entry()
    {
        var diagnostic = Single(Contract.Replace("[limit-calls, limit-key]", "[limit-calls, limit-key, limit-old]", StringComparison.Ordinal), "AGW8111");

        Assert.Equal(("The contract lists named value 'limit-old', which the fragment does not use.", 6, 41), (diagnostic.Message, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public void Named_values_are_matched_without_regard_to_case_as_APIM_resolves_them()
    {
        Assert.Empty(Read(Contract.Replace("[limit-calls, limit-key]", "[Limit-Calls, LIMIT-KEY]", StringComparison.Ordinal)).Diagnostics);
    }

    [Fact]
    public void Deeply_nested_yaml_is_refused_before_it_is_parsed()
    {
        var diagnostic = Single($"<!--\n{new string('[', 1_000)}\n-->\n<fragment />", "AGW8102");

        Assert.Contains("nests more than 64 levels", diagnostic.Message);
    }

    [Fact]
    public void An_oversized_contract_is_refused_before_it_is_parsed()
    {
        var diagnostic = Single($"<!--\nsummary: {new string('a', FragmentContractReader.MaxContractLength)}\n-->\n<fragment />", "AGW8102");

        Assert.Contains("the limit is 65536", diagnostic.Message);
    }

    [Theory]
    [InlineData("<!--\n\0\u0001\u0002\n-->")]
    [InlineData("<!--\n*alias\n-->")]
    [InlineData("<!--\nid: &a limits\nsection: *a\nsummary: *a\nsets: {}\n-->")]
    [InlineData("<!--\n---\n---\n-->")]
    [InlineData("<!--\n: : :\n-->")]
    [InlineData("<!--\nsummary: [unclosed\n-->")]
    public void Hostile_yaml_yields_diagnostics_not_exceptions(string text)
    {
        var read = Read(text + "\n<fragment />");

        Assert.NotEmpty(read.Diagnostics);
        Assert.All(read.Diagnostics, d => Assert.Equal(File, d.Location.File));
    }

    [Fact]
    public void A_missing_file_is_a_located_diagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), "no-such-" + Guid.NewGuid().ToString("N"), "f.xml");

        var diagnostic = Assert.Single(FragmentContractReader.ReadFile(path).Diagnostics);

        Assert.Equal((ReaderDiagnostics.FileUnreadable.Code, path), (diagnostic.Code, diagnostic.Location.File));
    }

    [Theory]
    [InlineData("caller-id", "caller-id")]
    [InlineData("caller-id (set earlier)", "caller-id")]
    [InlineData("  Retry-After(limits only)", "Retry-After")]
    [InlineData("", "")]
    public void An_entry_s_name_is_its_first_word(string entry, string name)
    {
        Assert.Equal(name, FragmentContractItem.NameOf(entry));
    }
}
