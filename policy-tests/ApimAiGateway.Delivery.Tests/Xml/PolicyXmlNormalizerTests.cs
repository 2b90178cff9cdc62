using ApimAiGateway.Delivery.Xml;

namespace ApimAiGateway.Delivery.Tests.Xml;

public sealed class PolicyXmlNormalizerTests
{
    [Fact]
    public void Layout_attribute_order_quoting_and_line_endings_do_not_count()
    {
        var repository = "<policies>\n  <inbound>\n    <set-header name=\"a\" exists-action=\"override\"><value>  x  </value></set-header>\n  </inbound>\n</policies>";
        var live = "<policies>\r\n<inbound><set-header exists-action='override' name='a'>\r\n<value>x</value></set-header></inbound></policies>";

        Assert.Equal(PolicyXmlNormalizer.Normalize(repository), PolicyXmlNormalizer.Normalize(live));
    }

    [Fact]
    public void Comments_are_kept_because_APIM_stores_them()
    {
        Assert.NotEqual(PolicyXmlNormalizer.Normalize("<fragment><!-- a --></fragment>"), PolicyXmlNormalizer.Normalize("<fragment><!-- b --></fragment>"));
        Assert.Equal(PolicyXmlNormalizer.Normalize("<fragment><!-- a --></fragment>"), PolicyXmlNormalizer.Normalize("<fragment><!--a\r\n--></fragment>"));
        Assert.NotEqual(PolicyXmlNormalizer.Normalize("<!-- summary: a -->\n<fragment />"), PolicyXmlNormalizer.Normalize("<!-- summary: b -->\n<fragment />"));
    }

    [Fact]
    public void Values_and_element_order_count()
    {
        Assert.NotEqual(PolicyXmlNormalizer.Normalize("<a><b /><c /></a>"), PolicyXmlNormalizer.Normalize("<a><c /><b /></a>"));
        Assert.NotEqual(PolicyXmlNormalizer.Normalize("<a x=\"1\" />"), PolicyXmlNormalizer.Normalize("<a x=\"2\" />"));
    }

    [Fact]
    public void Malformed_xml_is_compared_as_text_and_a_DTD_is_never_expanded()
    {
        Assert.Equal("<a>\n<b>", PolicyXmlNormalizer.Normalize("<a>  \r\n<b>"));
        var bomb = "<!DOCTYPE a [<!ENTITY x \"xxxxxxxx\"><!ENTITY y \"&x;&x;&x;&x;\">]><a>&y;</a>";
        Assert.Equal(bomb, PolicyXmlNormalizer.Normalize(bomb));
    }

    [Fact]
    public void The_compact_diff_shows_only_changed_lines_and_is_cut()
    {
        var diff = CompactDiff.Lines("a\nb\nc", "a\nB\nc");

        Assert.Equal(["- b", "+ B"], diff);
        Assert.Equal(4, CompactDiff.Lines(string.Join('\n', Enumerable.Range(0, 10)), string.Empty, maxLines: 3).Count);
    }
}
