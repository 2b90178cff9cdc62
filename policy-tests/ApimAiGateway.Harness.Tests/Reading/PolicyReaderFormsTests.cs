using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Tests.Reading;

/// <summary>
/// Both content formats APIM accepts (apim-reference 1.3, ARM PolicyContentFormat 'xml' and 'rawxml'): the raw form
/// the portal stores and the docs print, and the entity-escaped form that XML tooling needs.
/// </summary>
public class PolicyReaderFormsTests
{
    [Fact]
    public void Reads_the_raw_form_with_unescaped_quotes_and_operators()
    {
        var document = TestPolicy.ReadClean("""
            <policies>
              <inbound>
                <choose>
                  <when condition="@(a == "x" && b < 3)">
                    <set-header name="h" exists-action="override"><value>@(context.Request.Headers.GetValueOrDefault("a", "<none>"))</value></set-header>
                  </when>
                </choose>
              </inbound>
            </policies>
            """);

        var when = TestPolicy.Element(document, "inbound", "choose", "when");
        var condition = when.Attribute("condition")!.Value.Expression!;
        Assert.Equal(ExpressionKind.SingleStatement, condition.Kind);
        Assert.Equal("a == \"x\" && b < 3", condition.Code.Text);
        var value = TestPolicy.Element(document, "inbound", "choose", "when", "set-header", "value").Text!;
        Assert.Equal("context.Request.Headers.GetValueOrDefault(\"a\", \"<none>\")", value.Expression!.Code.Text);
    }

    [Fact]
    public void Reads_the_escaped_form_as_the_same_code()
    {
        var document = TestPolicy.ReadClean("""
            <policies><inbound>
              <choose><when condition="@(a == &quot;)&quot; &amp;&amp; b &lt; 3 &#38;&#x26; c &gt; 1)" /></choose>
            </inbound></policies>
            """);

        var condition = TestPolicy.Element(document, "inbound", "choose", "when").Attribute("condition")!.Value.Expression!;
        Assert.Equal("a == \")\" && b < 3 && c > 1", condition.Code.Text);
    }

    [Fact]
    public void Reads_a_mix_of_raw_and_escaped_spellings()
    {
        var document = TestPolicy.ReadClean("""
            <policies><inbound>
              <set-variable name="v" value="@(a == &quot;x&quot; && b < 3 ? "&nbsp;" : "y")" />
            </inbound></policies>
            """);

        var expression = TestPolicy.Element(document, "inbound", "set-variable").Attribute("value")!.Value.Expression!;
        // Unknown entities inside an expression are C# string content in the raw form and stay as written.
        Assert.Equal("a == \"x\" && b < 3 ? \"&nbsp;\" : \"y\"", expression.Code.Text);
    }

    [Fact]
    public void Reads_a_multi_statement_block_in_element_text()
    {
        var document = TestPolicy.ReadClean("""
            <policies><outbound>
              <set-body>@{
                var body = context.Response.Body.As<JObject>();
                if (body["a"] != null && body.Count < 3) { return "<}>"; }
                return body.ToString();
              }</set-body>
            </outbound></policies>
            """);

        var body = TestPolicy.Element(document, "outbound", "set-body").Text!;
        Assert.Equal(ExpressionKind.MultiStatement, body.Expression!.Kind);
        Assert.StartsWith("\n    var body", body.Expression.Code.Text);
        Assert.EndsWith("return body.ToString();\n  ", body.Expression.Code.Text);
    }

    [Fact]
    public void Cdata_content_is_literal_and_may_hold_an_expression()
    {
        var document = TestPolicy.ReadClean("""
            <policies><outbound>
              <set-body>
                <![CDATA[@{ return "&lt;" + "<a>"; }]]>
              </set-body>
              <set-header name="x"><value><![CDATA[a & b <c>]]></value></set-header>
            </outbound></policies>
            """);

        var body = TestPolicy.Element(document, "outbound", "set-body");
        Assert.True(Assert.IsType<ApimAiGateway.Harness.Reading.PolicyText>(Assert.Single(body.Children)).IsCData);
        Assert.Equal(" return \"&lt;\" + \"<a>\"; ", body.Text!.Expression!.Code.Text);
        var value = TestPolicy.Element(document, "outbound", "set-header", "value").Text!;
        Assert.Null(value.Expression);
        Assert.Equal("a & b <c>", value.Text.Text);
    }

    [Fact]
    public void Comments_declarations_and_processing_instructions_stay_out_of_the_model()
    {
        var document = TestPolicy.ReadClean("""
            <?xml version="1.0" encoding="utf-8"?>
            <!-- leading comment -->
            <policies>
              <inbound><!-- <base/> --><base /><?pi data?></inbound>
              <backend><forward-request /></backend>
              <outbound />
              <on-error />
            </policies>
            <!-- trailing -->
            """);

        Assert.Equal(PolicyDocumentKind.Policies, document.Kind);
        Assert.Equal(["inbound", "backend", "outbound", "on-error"], document.Root.Elements.Select(e => e.Name));
        var inbound = TestPolicy.Element(document, "inbound");
        Assert.Equal("base", Assert.IsType<PolicyElement>(Assert.Single(inbound.Children)).Name);
        Assert.Same(inbound, inbound.Elements.Single().Parent);
    }

    [Fact]
    public void Reads_a_fragment()
    {
        var document = TestPolicy.ReadClean("""
            <fragment>
              <set-variable name="n" value="@(1 + 1)" />
            </fragment>
            """);

        Assert.Equal(PolicyDocumentKind.Fragment, document.Kind);
        Assert.Equal(TestPolicy.File, document.File);
        Assert.Equal("set-variable", Assert.Single(document.Root.Elements).Name);
    }

    [Fact]
    public void Literal_values_are_decoded_and_are_not_expressions()
    {
        var document = TestPolicy.ReadClean("""
            <policies><inbound><set-header name="a &amp; b" exists-action='over"ride'><value>x @(y) &lt;z&gt;</value></set-header></inbound></policies>
            """);

        var header = TestPolicy.Element(document, "inbound", "set-header");
        Assert.Equal("a & b", header.Attribute("name")!.Value.Text.Text);
        Assert.Equal("over\"ride", header.Attribute("exists-action")!.Value.Text.Text);
        var value = TestPolicy.Element(document, "inbound", "set-header", "value").Text!;
        Assert.False(value.IsExpression);
        Assert.Equal("x @(y) <z>", value.Text.Text);
    }

    [Fact]
    public void White_space_around_an_expression_is_allowed()
    {
        var document = TestPolicy.ReadClean("<fragment><set-body>\n  @(1)\n</set-body><x a=\" @{return 2;} \" /></fragment>");

        Assert.Equal("1", document.Root.Elements.First().Text!.Expression!.Code.Text);
        Assert.Equal("return 2;", document.Root.Elements.Last().Attribute("a")!.Value.Expression!.Code.Text);
    }

    [Fact]
    public void Empty_elements_have_no_text()
    {
        var document = TestPolicy.ReadClean("<fragment><a>  </a><b/></fragment>");

        Assert.All(document.Root.Elements, e => Assert.Null(e.Text));
        Assert.Empty(document.Root.Elements.First().Children);
    }
}
