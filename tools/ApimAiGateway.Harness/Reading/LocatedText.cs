using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// An immutable string that knows where each of its characters came from in the original file. The mapping
/// survives entity decoding (a decoded character maps to its '&amp;'), named-value substitution (substituted
/// characters map to the '{{'), trimming and slicing, so a compiler error deep inside an expression can be reported
/// at the right line and column of the policy file.
/// </summary>
/// <remarks>
/// Stored as runs rather than a location per character: a run copied verbatim from the file computes its line and
/// column from the file's line index, and a run with no verbatim source carries one location.
/// </remarks>
public sealed class LocatedText
{
    private readonly LocatedTextSegment[] _segments;
    private readonly SourceLocation _locationWhenEmpty;

    internal LocatedText(string text, LocatedTextSegment[] segments, SourceLocation locationWhenEmpty)
    {
        Text = text;
        _segments = segments;
        _locationWhenEmpty = locationWhenEmpty;
    }

    public string Text { get; }

    public int Length => Text.Length;

    /// <summary>Location of the first character (for an empty text, the place it was taken from).</summary>
    public SourceLocation Start => LocationAt(0);

    /// <summary>A text whose characters all report <paramref name="location"/>, for text that has no source file.</summary>
    public static LocatedText Pinned(string text, SourceLocation location)
    {
        var builder = new LocatedTextBuilder();
        builder.AppendPinned(text, location);
        return builder.ToLocatedText(location);
    }

    /// <summary>Joins texts end to end; every character keeps its own location.</summary>
    public static LocatedText Concat(IReadOnlyList<LocatedText> parts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(parts.Count);
        if (parts.Count == 1)
        {
            return parts[0];
        }

        var builder = new LocatedTextBuilder();
        foreach (var part in parts)
        {
            builder.Append(part);
        }

        return builder.ToLocatedText(parts[0].Start);
    }

    internal static LocatedText FromSource(SourceFile source, int start, int length) =>
        new(source.Text.Substring(start, length),
            length == 0 ? [] : [new LocatedTextSegment(0, length, source, start, default)],
            source.LocationOf(start));

    /// <summary>
    /// The source location of the character at <paramref name="offset"/>; <see cref="Length"/> is allowed and maps
    /// just past the last character, which is where "missing closing delimiter" errors point.
    /// </summary>
    public SourceLocation LocationAt(int offset)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(offset, Length);
        if (_segments.Length == 0)
        {
            return _locationWhenEmpty;
        }

        if (offset == Length)
        {
            var last = _segments[^1];
            return last.Source is null ? last.Pinned : last.Source.LocationOf(last.SourceOffset + last.Length);
        }

        return _segments[IndexOfSegment(offset)].LocationAt(offset);
    }

    public LocatedText Slice(int start, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + length, Length);
        if (start == 0 && length == Length)
        {
            return this;
        }

        var builder = new LocatedTextBuilder();
        builder.Append(this, start, length);
        return builder.ToLocatedText(LocationAt(start));
    }

    public LocatedText Slice(int start) => Slice(start, Length - start);

    /// <summary>Removes leading and trailing white space (as <see cref="string.Trim()"/> does).</summary>
    public LocatedText Trim()
    {
        var start = 0;
        while (start < Length && char.IsWhiteSpace(Text[start]))
        {
            start++;
        }

        var end = Length;
        while (end > start && char.IsWhiteSpace(Text[end - 1]))
        {
            end--;
        }

        return Slice(start, end - start);
    }

    public override string ToString() => Text;

    internal IEnumerable<LocatedTextSegment> SegmentsOverlapping(int start, int end)
    {
        for (var i = IndexOfSegment(start); i < _segments.Length && _segments[i].Start < end; i++)
        {
            yield return _segments[i];
        }
    }

    private int IndexOfSegment(int offset)
    {
        int low = 0, high = _segments.Length - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (_segments[mid].Start <= offset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }
}
