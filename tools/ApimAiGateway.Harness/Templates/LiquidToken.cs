namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// One piece of Liquid markup in a template, with offsets into the template text so that findings about it can be
/// reported where it is written.
/// </summary>
/// <param name="Start">Offset of the opening delimiter.</param>
/// <param name="Length">Length including both delimiters.</param>
/// <param name="Markup">The content between the delimiters, whitespace-control dashes removed.</param>
/// <param name="MarkupStart">Offset of <paramref name="Markup"/>'s first character.</param>
internal sealed record LiquidToken(LiquidTokenKind Kind, int Start, int Length, string Markup, int MarkupStart)
{
    public string Text(string template) => template.Substring(Start, Length);

    /// <summary>The tag name (first word of a tag's markup); empty for output markup or a tag without a name.</summary>
    public string TagName
    {
        get
        {
            if (Kind != LiquidTokenKind.Tag)
            {
                return "";
            }

            var start = 0;
            while (start < Markup.Length && char.IsWhiteSpace(Markup[start]))
            {
                start++;
            }

            var end = start;
            while (end < Markup.Length && (char.IsLetterOrDigit(Markup[end]) || Markup[end] == '_'))
            {
                end++;
            }

            return Markup[start..end];
        }
    }
}
