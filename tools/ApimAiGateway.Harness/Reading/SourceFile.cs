using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// The original text of a file with an index of its line starts, so any character offset maps to a line and
/// column in O(log lines) without storing a location per character.
/// </summary>
internal sealed class SourceFile
{
    private readonly int[] _lineStarts;

    public SourceFile(string path, string text)
    {
        Path = path;
        Text = text;
        _lineStarts = IndexLineStarts(text);
    }

    public string Path { get; }

    public string Text { get; }

    /// <summary>Line and column (1-based, in UTF-16 units) of an offset; the text's length maps past its last character.</summary>
    public SourceLocation LocationOf(int offset)
    {
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourceLocation(Path, line + 1, offset - _lineStarts[line] + 1);
    }

    // CRLF, LF and a lone CR each end a line, as editors count them.
    private static int[] IndexLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n' || (c == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }
}
