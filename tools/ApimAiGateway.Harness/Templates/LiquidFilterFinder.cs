namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// Finds the filters a token applies: those after '|' in output markup and in the value of an <c>assign</c> tag,
/// the two places DotLiquid evaluates filters. A '|' inside a quoted argument is not a separator.
/// </summary>
internal static class LiquidFilterFinder
{
    public static IEnumerable<LiquidFilterReference> FiltersOf(LiquidToken token)
    {
        if (token.Kind == LiquidTokenKind.Tag && token.TagName != "assign")
        {
            return [];
        }

        return Find(token.Markup, token.MarkupStart);
    }

    private static List<LiquidFilterReference> Find(string markup, int markupStart)
    {
        var found = new List<LiquidFilterReference>();
        char? quote = null;
        for (var i = 0; i < markup.Length; i++)
        {
            var c = markup[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '|')
            {
                var nameStart = i + 1;
                while (nameStart < markup.Length && char.IsWhiteSpace(markup[nameStart]))
                {
                    nameStart++;
                }

                var nameEnd = nameStart;
                while (nameEnd < markup.Length && (char.IsLetterOrDigit(markup[nameEnd]) || markup[nameEnd] == '_'))
                {
                    nameEnd++;
                }

                if (nameEnd > nameStart)
                {
                    found.Add(new LiquidFilterReference(markup[nameStart..nameEnd], markupStart + nameStart));
                }
            }
        }

        return found;
    }
}
