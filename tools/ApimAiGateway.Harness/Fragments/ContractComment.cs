using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Fragments;

/// <summary>
/// Finds a fragment's contract: the body of the first comment, when nothing but white space and an XML declaration
/// stands before it. The body keeps its place in the file, so YAML problems are reported where they are written;
/// <see cref="End"/> is the offset just past the comment, where the fragment itself starts.
/// </summary>
internal sealed record ContractComment(LocatedText Yaml, int End)
{
    private const string Open = "<!--";
    private const string Close = "-->";

    /// <summary>The comment, or null when the file does not open with one.</summary>
    public static ContractComment? Find(SourceFile source)
    {
        var text = source.Text;
        var at = SkipWhiteSpace(text, text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0);
        if (string.CompareOrdinal(text, at, "<?xml", 0, 5) == 0)
        {
            var declarationEnd = text.IndexOf("?>", at, StringComparison.Ordinal);
            if (declarationEnd < 0)
            {
                return null;
            }

            at = SkipWhiteSpace(text, declarationEnd + 2);
        }

        if (string.CompareOrdinal(text, at, Open, 0, Open.Length) != 0)
        {
            return null;
        }

        var start = at + Open.Length;
        var end = text.IndexOf(Close, start, StringComparison.Ordinal);
        return end < 0 ? null : new ContractComment(LocatedText.FromSource(source, start, end - start), end + Close.Length);
    }

    private static int SkipWhiteSpace(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }
}
