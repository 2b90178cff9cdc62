using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// Finds what is wrong with a set-body Liquid template and where. DotLiquid reports syntax errors without a
/// position, so the template is checked markup by markup: unterminated delimiters, block nesting and unknown
/// tags by the scan, each tag's and output's own syntax by parsing it alone, filters against the documented list.
/// A parse of the whole template backs this up for anything the piecewise checks cannot see.
/// </summary>
internal static class LiquidTemplateValidator
{
    public static IReadOnlyList<Diagnostic> Validate(LocatedText template)
    {
        var text = template.Text;
        var diagnostics = new List<Diagnostic>();
        var scan = LiquidScanner.Scan(text);
        if (scan.UnterminatedAt is { } unterminated)
        {
            diagnostics.Add(TemplateDiagnostics.UnterminatedMarkup.At(
                template.LocationAt(unterminated), text.Substring(unterminated, 2), LiquidScanner.ClosingOf(text, unterminated)));
        }

        var checkedTokens = new LiquidBlockChecker(template, diagnostics).Check(scan.Tokens);
        foreach (var token in checkedTokens)
        {
            CheckAlone(template, token, diagnostics);
            CheckFilters(template, token, diagnostics);
        }

        if (diagnostics.Count == 0 && WholeParseError(text) is { } message)
        {
            diagnostics.Add(TemplateDiagnostics.SyntaxError.At(template.Start, message));
        }

        return diagnostics;
    }

    // A block tag is parsed with its end tag appended, so that only its own markup is judged.
    private static void CheckAlone(LocatedText template, LiquidToken token, List<Diagnostic> diagnostics)
    {
        var tagName = token.TagName;
        var alone = token.Kind == LiquidTokenKind.Tag && LiquidTags.Blocks.Contains(tagName)
            ? token.Text(template.Text) + "{% end" + tagName + " %}"
            : token.Text(template.Text);
        if (WholeParseError(alone) is { } message)
        {
            diagnostics.Add(TemplateDiagnostics.SyntaxError.At(template.LocationAt(token.Start), message));
        }
    }

    private static void CheckFilters(LocatedText template, LiquidToken token, List<Diagnostic> diagnostics)
    {
        foreach (var filter in LiquidFilterFinder.FiltersOf(token))
        {
            if (!LiquidFilterNames.Supported.Contains(filter.Name))
            {
                var suggestion = NameSuggester.Suggest(filter.Name, LiquidFilterNames.Supported);
                diagnostics.Add(TemplateDiagnostics.UnsupportedFilter.At(
                    template.LocationAt(filter.Offset), filter.Name, StructureDiagnostics.DidYouMean(suggestion)));
            }
        }
    }

    private static string? WholeParseError(string text)
    {
        try
        {
            LiquidEngine.Parse(text);
            return null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            return exception.Message;
        }
    }
}
