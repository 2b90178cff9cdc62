using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Tests.Reading;

/// <summary>Malformed input yields a located diagnostic, never an exception.</summary>
public class PolicyReaderMalformedTests
{
    public static TheoryData<string, string, string, int> Cases => new()
    {
        { "<policies><inbound></policies>", "AGW1011", "</policies>", 1 },
        { "<policies><inbound>", "AGW1010", "<inbound>", 1 },
        { "<policies></inbound></policies>", "AGW1012", "</inbound>", 1 },
        { "<policies><a b=\"1\" b=\"2\" /></policies>", "AGW1014", "b=\"2\"", 1 },
        { "<policies><a b=1 /></policies>", "AGW1015", "1 />", 1 },
        { "<policies><a b /></policies>", "AGW1013", "/>", 1 },
        { "<policies><a b=\"1 /></policies>", "AGW1016", "\"1", 1 },
        { "<policies><a", "AGW1016", "<a", 1 },
        { "<policies><!-- x </policies>", "AGW1016", "<!--", 1 },
        { "<policies><![CDATA[ x </policies>", "AGW1016", "<![CDATA[", 1 },
        { "<!DOCTYPE policies><policies/>", "AGW1017", "<!DOCTYPE", 1 },
        { "<policies><a b=\"x &nbsp; y\" /></policies>", "AGW1019", "&nbsp;", 1 },
        { "<policies><a>&#0;</a></policies>", "AGW1020", "&#0;", 1 },
        { "<policies><a b=\"@(x + (y)\" /></policies>", "AGW1021", "@(x", 1 },
        { "<policies><set-body>@{ return 1;</set-body></policies>", "AGW1021", "@{", 1 },
        { "<policies><set-body>@{ return \"abc; }</set-body></policies>", "AGW1022", "\"abc", 1 },
        { "<policies><set-body>@{ return 'a; }</set-body></policies>", "AGW1023", "'a", 1 },
        { "<policies><set-body>@{ /* return 1; }</set-body></policies>", "AGW1024", "/*", 1 },
        { "<policies><a b=\"@(x])\" /></policies>", "AGW1025", "])", 1 },
        { "<policies><a b=\"@(x) + 1\" /></policies>", "AGW1026", "+ 1", 1 },
        { "<policies><set-body>@{ return 1; } tail</set-body></policies>", "AGW1026", "tail", 1 },
        { "<policies/><policies/>", "AGW1008", "<policies/>", 2 },
        { "<policies/>text", "AGW1009", "text", 1 },
        { "<!-- only a comment -->", "AGW1007", "<!--", 1 },
        { "<policies></ >", "AGW1013", " >", 1 },
        { "<policies></a b></policies>", "AGW1013", "b>", 1 },
        { "<policies>< a/></policies>", "AGW1013", " a/>", 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reports_a_located_diagnostic(string xml, string code, string marker, int occurrence)
    {
        var result = TestPolicy.Read(xml);

        var expected = TestPolicy.Locate(xml, marker, occurrence);
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
