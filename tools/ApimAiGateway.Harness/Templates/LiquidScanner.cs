namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// Splits a template into its <c>{{ }}</c> and <c>{% %}</c> markup the way DotLiquid's tokenizer does: each
/// opening delimiter is closed by the first matching closing delimiter after it. Text between markup is not kept.
/// </summary>
internal static class LiquidScanner
{
    public static LiquidScan Scan(string template)
    {
        var tokens = new List<LiquidToken>();
        var position = 0;
        while (true)
        {
            var start = NextOpening(template, position);
            if (start < 0)
            {
                return new LiquidScan(tokens, null);
            }

            var isTag = template[start + 1] == '%';
            var closing = isTag ? "%}" : "}}";
            var close = template.IndexOf(closing, start + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                return new LiquidScan(tokens, start);
            }

            tokens.Add(Token(template, isTag ? LiquidTokenKind.Tag : LiquidTokenKind.Output, start, close + 2));
            position = close + 2;
        }
    }

    public static string ClosingOf(string template, int unterminatedAt) => template[unterminatedAt + 1] == '%' ? "%}" : "}}";

    private static int NextOpening(string template, int from)
    {
        for (var i = template.IndexOf('{', from); i >= 0 && i + 1 < template.Length; i = template.IndexOf('{', i + 1))
        {
            if (template[i + 1] is '{' or '%')
            {
                return i;
            }
        }

        return -1;
    }

    // Liquid's whitespace control ('{%-', '-%}') trims surrounding text; the dashes are not part of the markup.
    private static LiquidToken Token(string template, LiquidTokenKind kind, int start, int end)
    {
        var markupStart = start + 2;
        var markupEnd = end - 2;
        if (markupStart < markupEnd && template[markupStart] == '-')
        {
            markupStart++;
        }

        if (markupEnd > markupStart && template[markupEnd - 1] == '-')
        {
            markupEnd--;
        }

        return new LiquidToken(kind, start, end - start, template[markupStart..markupEnd], markupStart);
    }
}
