using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Templates;

namespace ApimAiGateway.Harness.Tests.Templates;

/// <summary>Diagnostics for the linter, located in the policy file where the offending markup is written.</summary>
public sealed class LiquidValidationTests
{
    private const string File = "policy.xml";

    // The template starts on line 3, column 5 of the file, as it would inside an indented <set-body>.
    private static IReadOnlyList<Diagnostic> Validate(string template)
    {
        var prefix = "<policies>\n<set-body template=\"liquid\">\n    ";
        var source = new SourceFile(File, prefix + template + "\n</set-body>");
        return LiquidTemplateRenderer.Validate(LocatedText.FromSource(source, prefix.Length, template.Length));
    }

    private static Diagnostic Single(string template)
    {
        var diagnostics = Validate(template);
        return Assert.Single(diagnostics);
    }

    [Fact]
    public void A_valid_template_has_no_diagnostics() =>
        Assert.Empty(Validate("""
            {% if body.items %}{% for item in body.items %}{{ item.name | Upcase }}{% else %}none{% endfor %}{% endif %}
            {% assign total = body.total | Plus: 1 %}{% case total %}{% when 1 %}one{% else %}many{% endcase %}
            {% comment %}{% anything goes %}{% endcomment %}{% raw %}{{ not | parsed }}{% endraw %}
            """));

    [Fact]
    public void An_unsupported_filter_is_reported_at_its_name_with_a_suggestion()
    {
        var diagnostic = Single("{{ body.name | upcase }}");

        Assert.Equal(TemplateDiagnostics.UnsupportedFilter.Code, diagnostic.Code);
        Assert.Equal(new SourceLocation(File, 3, 20), diagnostic.Location);
        Assert.Contains("Did you mean 'Upcase'?", diagnostic.Message);
    }

    [Fact]
    public void Filters_in_assign_tags_are_checked_and_quoted_pipes_are_not_filters()
    {
        var diagnostic = Single("{{ 'a|b' | Split: '|' | Join: ',' }}\n{% assign x = body.n | Ceil %}");

        Assert.Equal(TemplateDiagnostics.UnsupportedFilter.Code, diagnostic.Code);
        Assert.Equal(new SourceLocation(File, 4, 24), diagnostic.Location);
    }

    [Fact]
    public void Unterminated_markup_is_reported_where_it_opens()
    {
        var diagnostic = Single("ok {{ body.name ");

        Assert.Equal(TemplateDiagnostics.UnterminatedMarkup.Code, diagnostic.Code);
        Assert.Equal(new SourceLocation(File, 3, 8), diagnostic.Location);
    }

    [Fact]
    public void An_unknown_tag_is_reported_at_the_tag()
    {
        var diagnostic = Single("a\n{% frobnicate x %}");

        Assert.Equal(TemplateDiagnostics.UnknownTag.Code, diagnostic.Code);
        Assert.Equal(new SourceLocation(File, 4, 1), diagnostic.Location);
    }

    [Fact]
    public void An_unclosed_block_is_reported_at_its_opening_tag()
    {
        var diagnostic = Single("{% for i in body.list %}{% if i %}x{% endif %}");

        Assert.Equal(TemplateDiagnostics.UnclosedBlock.Code, diagnostic.Code);
        Assert.Equal(new SourceLocation(File, 3, 5), diagnostic.Location);
    }

    [Fact]
    public void Closing_an_outer_block_reports_the_inner_block_left_open()
    {
        var diagnostic = Single("{% if a %}{% for i in b %}{% endif %}");

        Assert.Equal(TemplateDiagnostics.UnclosedBlock.Code, diagnostic.Code);
        Assert.Equal(new SourceLocation(File, 3, 15), diagnostic.Location);
    }

    [Theory]
    [InlineData("x{% endif %}")]
    [InlineData("x{% else %}")]
    [InlineData("{% for i in b %}x{% when 1 %}{% endfor %}")]
    public void End_and_branch_tags_outside_their_block_are_misplaced(string template)
    {
        var diagnostic = Single(template);

        Assert.Equal(TemplateDiagnostics.MisplacedTag.Code, diagnostic.Code);
    }

    [Fact]
    public void Bad_markup_inside_a_tag_is_reported_at_that_tag_with_dotliquids_message()
    {
        var diagnostic = Single("{% if a %}ok{% endif %}\n  {% for %}x{% endfor %}");

        Assert.Equal(TemplateDiagnostics.SyntaxError.Code, diagnostic.Code);
        Assert.Equal(new SourceLocation(File, 4, 3), diagnostic.Location);
        Assert.Contains("for", diagnostic.Message);
    }

    [Fact]
    public void A_syntax_error_is_a_render_failure_not_an_exception()
    {
        var result = LiquidMessages.RenderRequest("{% if body.a %}never closed");

        Assert.False(result.Succeeded);
        Assert.Contains("syntax error", result.Failure);
    }
}
