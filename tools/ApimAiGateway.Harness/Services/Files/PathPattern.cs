using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace ApimAiGateway.Harness.Services.Files;

/// <summary>
/// A request path pattern of a services file, matched against the whole escaped request path, case-sensitively as
/// URL paths are (RFC 3986 §6.2.2.1). A segment may be a literal, <c>{name}</c> (one non-empty segment, as in APIM
/// URL templates), contain <c>*</c> (any characters within the segment), or be <c>**</c> (any number of segments).
/// </summary>
public sealed class PathPattern
{
    private readonly Regex _regex;

    private PathPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    /// <summary>Every path.</summary>
    public static PathPattern Any { get; } = Parse("/**");

    public string Text { get; }

    public bool Matches(string path) => _regex.IsMatch(path);

    public static bool TryParse(string text, [NotNullWhen(true)] out PathPattern? pattern, [NotNullWhen(false)] out string? error)
    {
        pattern = null;
        if (!text.StartsWith('/'))
        {
            error = "it must start with '/'";
            return false;
        }

        var regex = new StringBuilder("^");
        foreach (var segment in text[1..].Split('/'))
        {
            if (segment == "**")
            {
                regex.Append("(?:/.*)?");
                continue;
            }

            regex.Append('/');
            if (!TryAppendSegment(segment, regex, out error))
            {
                return false;
            }
        }

        pattern = new PathPattern(text, new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking));
        error = null;
        return true;
    }

    public override string ToString() => Text;

    private static PathPattern Parse(string text) =>
        TryParse(text, out var pattern, out var error) ? pattern : throw new ArgumentException(error, nameof(text));

    private static bool TryAppendSegment(string segment, StringBuilder regex, [NotNullWhen(false)] out string? error)
    {
        for (var i = 0; i < segment.Length; i++)
        {
            switch (segment[i])
            {
                case '*' when i + 1 < segment.Length && segment[i + 1] == '*':
                    error = "'**' must be a whole segment";
                    return false;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '{':
                    var close = segment.IndexOf('}', i + 1);
                    if (close < 0 || close == i + 1 || segment.AsSpan(i + 1, close - i - 1).ContainsAny("{*"))
                    {
                        error = "a '{' must be closed by '}' around a parameter name";
                        return false;
                    }

                    regex.Append("[^/]+");
                    i = close;
                    break;
                case '}':
                    error = "a '}' has no opening '{'";
                    return false;
                default:
                    regex.Append(Regex.Escape(segment[i].ToString()));
                    break;
            }
        }

        error = null;
        return true;
    }
}
