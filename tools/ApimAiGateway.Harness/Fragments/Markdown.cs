using System.Text;

namespace ApimAiGateway.Harness.Fragments;

/// <summary>
/// The Markdown the catalog is written in: '\n' line endings whatever the platform, and contract text escaped so an
/// angle bracket or a pipe in a contract can neither hide text as HTML nor break a table.
/// </summary>
internal sealed class Markdown
{
    private readonly StringBuilder _text = new();

    public void Line(string line = "") => _text.Append(line).Append('\n');

    /// <summary>A bold label standing alone between blank lines, over the part of a fragment's section it names.</summary>
    public void Label(string label)
    {
        Line();
        Line($"**{label}**");
        Line();
    }

    /// <summary>A multi-line text as paragraphs, each line trimmed of trailing space.</summary>
    public void Block(string text)
    {
        foreach (var line in text.ReplaceLineEndings("\n").Split('\n'))
        {
            Line(Text(line.TrimEnd()));
        }
    }

    /// <summary>A labelled list of entries, or the label and "none".</summary>
    public void List(string label, IEnumerable<string> entries)
    {
        var items = entries.ToList();
        Line(items.Count == 0 ? $"- {label}: none" : $"- {label}: {string.Join(", ", items)}");
    }

    public static string Text(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Cell(string text) => Piped(Text(text.ReplaceLineEndings(" ")));

    /// <summary>Markdown made safe for a table cell.</summary>
    public static string Piped(string markdown) => markdown.Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>An entry whose first word is a name (a variable, header or named value), the name set as code.</summary>
    public static string Named(string entry)
    {
        var name = FragmentContractItem.NameOf(entry);
        var remark = entry.Trim()[name.Length..].Trim();
        var code = name.Length == 0 ? string.Empty : $"`{name}`";
        return remark.Length == 0 ? code : $"{code} {Text(remark)}";
    }

    public override string ToString() => _text.ToString();
}
