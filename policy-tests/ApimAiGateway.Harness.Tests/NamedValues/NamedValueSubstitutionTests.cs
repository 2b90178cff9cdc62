using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Tests.Reading;

namespace ApimAiGateway.Harness.Tests.NamedValues;

/// <summary>
/// Named values are substituted textually before expressions are read (apim-reference 1.4, from the APIM docs page
/// "Use named values in Azure API Management policies"): a value may itself be an expression, and a '{{x}}' inside
/// a value is not resolved.
/// </summary>
public class NamedValueSubstitutionTests
{
    private static readonly NamedValueSet Values = NamedValueSet.Parse("""
        header-name: X-Env
        now: "@(DateTime.UtcNow.ToString())"
        nested: "{{header-name}}"
        quote: a "quoted" <text> & more
        password:
          value: hunter2-placeholder
          secret: true
        """, "dev.yaml").Set;

    [Fact]
    public void Substitutes_in_attributes_text_and_expressions()
    {
        var document = TestPolicy.ReadClean("""
            <fragment>
              <set-header name="Custom-{{header-name}}" exists-action="override">
                <value>@("{{Header-Name}}".ToLower())</value>
              </set-header>
            </fragment>
            """, Values);

        var header = document.Root.Elements.Single();
        Assert.Equal("Custom-X-Env", header.Attribute("name")!.Value.Text.Text);
        Assert.Equal("\"X-Env\".ToLower()", header.Elements.Single().Text!.Expression!.Code.Text);
    }

    [Fact]
    public void A_value_that_is_an_expression_becomes_an_expression_located_at_the_reference()
    {
        const string xml = "<fragment>\n  <set-variable name=\"t\" value=\"{{now}}\" />\n</fragment>";

        var document = TestPolicy.ReadClean(xml, Values);

        var expression = document.Root.Elements.Single().Attribute("value")!.Value.Expression!;
        Assert.Equal(ExpressionKind.SingleStatement, expression.Kind);
        Assert.Equal("DateTime.UtcNow.ToString()", expression.Code.Text);
        Assert.Equal(TestPolicy.Locate(xml, "{{now}}"), expression.Location);
        Assert.Equal(TestPolicy.Locate(xml, "{{now}}"), expression.Code.LocationAt(10));
    }

    [Fact]
    public void References_inside_values_are_not_resolved()
    {
        var document = TestPolicy.ReadClean("<fragment><a b=\"{{nested}}\" /></fragment>", Values);

        Assert.Equal("{{header-name}}", document.Root.Elements.Single().Attribute("b")!.Value.Text.Text);
    }

    [Fact]
    public void Substitution_happens_before_entity_decoding_and_cannot_break_the_markup()
    {
        var document = TestPolicy.ReadClean("<fragment><a b=\"{{quote}}\">{{quote}}</a></fragment>", Values);

        var element = document.Root.Elements.Single();
        Assert.Equal("a \"quoted\" <text> & more", element.Attribute("b")!.Value.Text.Text);
        Assert.Equal("a \"quoted\" <text> & more", element.Text!.Text.Text);
    }

    [Fact]
    public void Substitutes_inside_cdata()
    {
        var document = TestPolicy.ReadClean("<fragment><a><![CDATA[<{{header-name}}>]]></a></fragment>", Values);

        Assert.Equal("<X-Env>", document.Root.Elements.Single().Text!.Text.Text);
    }

    [Fact]
    public void An_undefined_name_is_reported_at_its_braces()
    {
        const string xml = "<fragment>\n  <a b=\"x-{{missing}}\" />\n</fragment>";

        var result = TestPolicy.Read(xml, Values);

        var diagnostic = TestPolicy.Single(result, NamedValueDiagnostics.UndefinedNamedValue);
        Assert.Equal(TestPolicy.Locate(xml, "{{missing}}"), diagnostic.Location);
        Assert.Contains("'missing'", diagnostic.Message);
        Assert.Equal("x-{{missing}}", result.Document!.Root.Elements.Single().Attribute("b")!.Value.Text.Text);
    }

    [Fact]
    public void Without_a_set_references_stay_as_written_and_are_not_reported()
    {
        var document = TestPolicy.ReadClean("<fragment><a b=\"{{missing}}\" /></fragment>");

        Assert.Equal("{{missing}}", document.Root.Elements.Single().Attribute("b")!.Value.Text.Text);
    }

    [Theory]
    [InlineData("{{ spaced }}")]
    [InlineData("{{}}")]
    [InlineData("{{a b}}")]
    public void Text_that_is_not_a_reference_is_left_alone(string text)
    {
        var document = TestPolicy.ReadClean($"<fragment><a b=\"{text}\" /></fragment>", Values);

        Assert.Equal(text, document.Root.Elements.Single().Attribute("b")!.Value.Text.Text);
    }

    [Fact]
    public void Diagnostics_about_substituted_text_do_not_reveal_secrets()
    {
        var result = TestPolicy.Read("<fragment><a b=\"@({{password}}\" /><c>&bogus;{{password}}</c></fragment>", Values);

        Assert.NotEmpty(result.Diagnostics);
        Assert.All(result.Diagnostics, d => Assert.DoesNotContain("hunter2", d.ToString()));
    }
}
