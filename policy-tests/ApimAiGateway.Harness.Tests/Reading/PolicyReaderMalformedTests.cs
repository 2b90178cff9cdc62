using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Tests.Reading;

/// <summary>Malformed input yields a located diagnostic, never an exception.</summary>
public class PolicyReaderMalformedTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "<policies><inbound></policies>", "AGW1011", "</policies>" },
        { "<policies><inbound>", "AGW1010", "<inbound>" },
        { "<policies></inbound></policies>", "AGW1012", "</inbound>" },
        { "<policies><a b=\"1\" b=\"2\" /></policies>", "AGW1014", "b=\"2\"" },
        { "<policies><a b=1 /></policies>", "AGW1015", "1 />" },
        { "<policies><a b /></policies>", "AGW1013", "/>" },
        { "<policies><a b=\"1 /></policies>", "AGW1016", "\"1" },
        { "<policies><a", "AGW1016", "<a" },
        { "<policies><!-- x </policies>", "AGW1016", "<!--" },
        { "<policies><![CDATA[ x </policies>", "AGW1016", "<![CDATA[" },
        { "<!DOCTYPE policies><policies/>", "AGW1017", "<!DOCTYPE" },
        { "<policies><a b=\"x &nbsp; y\" /></policies>", "AGW1019", "&nbsp;" },
        { "<policies><a>&#0;</a></policies>", "AGW1020", "&#0;" },
        { "<policies><a b=\"@(x + (y)\" /></policies>", "AGW1021", "@(x" },
        { "<policies><set-body>@{ return 1;</set-body></policies>", "AGW1021", "@{" },
        { "<policies><set-body>@{ return \"abc; }</set-body></policies>", "AGW1022", "\"abc" },
        { "<policies><set-body>@{ return 'a; }</set-body></policies>", "AGW1023", "'a" },
        { "<policies><set-body>@{ /* return 1; }</set-body></policies>", "AGW1024", "/*" },
        { "<policies><a b=\"@(x])\" /></policies>", "AGW1025", "])" },
        { "<policies><a b=\"@(x) + 1\" /></policies>", "AGW1026", "+ 1" },
        { "<policies><set-body>@{ return 1; } tail</set-body></policies>", "AGW1026", "tail" },
        { "<policies/><policies/>", "AGW1008", "<policies/>\0" },
        { "<policies/>text", "AGW1009", "text" },
        { "<!-- only a comment -->", "AGW1007", "<!--" },
        { "<policies></ >", "AGW1013", " >" },
        { "<policies></a b></policies>", "AGW1013", "b>" },
        { "<policies>< a/></policies>", "AGW1013", " a/>" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_a_located_diagnostic(string xml, string code, string marker)
    {
        var result = TestPolicy.Read(xml);

        var expected = marker.EndsWith('\0') ? TestPolicy.Locate(xml, marker[..^1], 2) : TestPolicy.Locate(xml, marker);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Location == expected && d.IsError);
    }

    [Fact]
    public void Wrong_root_gives_no_document()
    {
        const string xml = "<policy><inbound /></policy>";

        var result = TestPolicy.Read(xml);

        Assert.Null(result.Document);
        Assert.Equal(TestPolicy.Locate(xml, "<policy>"), TestPolicy.Single(result, ReaderDiagnostics.WrongRootElement).Location);
    }

    [Fact]
    public void Mismatched_end_tag_names_the_open_element_and_recovers()
    {
        const string xml = "<policies>\n  <inbound>\n    <a>\n  </inbound>\n</policies>";

        var result = TestPolicy.Read(xml);

        var diagnostic = TestPolicy.Single(result, ReaderDiagnostics.MismatchedEndTag);
        Assert.Equal("End tag </inbound> does not match the open element <a> (opened at 3:5).", diagnostic.Message);
        Assert.Equal("a", TestPolicy.Element(result.Document!, "inbound", "a").Name);
    }

    [Fact]
    public void A_broken_raw_expression_is_reported_and_later_values_still_read()
    {
        const string xml = """
            <policies>
              <a b="@(x == "1"" />
              <c d="@(1)" />
            </policies>
            """;

        var result = TestPolicy.Read(xml);

        // The rest of the broken tag may add a malformed-tag error, but nothing spills onto the next line.
        var first = result.Diagnostics[0];
        Assert.Equal(ReaderDiagnostics.UnclosedExpression.Code, first.Code);
        Assert.Equal(TestPolicy.Locate(xml, "@(x"), first.Location);
        Assert.All(result.Diagnostics, d => Assert.Equal(2, d.Location.Line));
        Assert.Equal("1", TestPolicy.Element(result.Document!, "c").Attribute("d")!.Value.Expression!.Code.Text);
    }

    [Fact]
    public void Unterminated_string_in_a_block_points_at_its_quote()
    {
        const string xml = "<fragment>\n<set-body>@{\n  var a = 1;\n  return \"oops;\n}</set-body>\n</fragment>";

        var result = TestPolicy.Read(xml);

        Assert.Equal(TestPolicy.Locate(xml, "\"oops"), TestPolicy.Single(result, ReaderDiagnostics.UnterminatedString).Location);
    }
}
