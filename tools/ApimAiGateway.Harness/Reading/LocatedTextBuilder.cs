using System.Text;
using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reading;

/// <summary>Assembles a <see cref="LocatedText"/> from pieces of other located texts and pinned replacements.</summary>
internal sealed class LocatedTextBuilder
{
    private readonly StringBuilder _text = new();
    private readonly List<LocatedTextSegment> _segments = [];

    public int Length => _text.Length;

    public void Append(LocatedText part) => Append(part, 0, part.Length);

    public void Append(LocatedText part, int start, int length)
    {
        if (length == 0)
        {
            return;
        }

        _text.Append(part.Text, start, length);
        var end = start + length;
        foreach (var segment in part.SegmentsOverlapping(start, end))
        {
            var from = Math.Max(start, segment.Start);
            var to = Math.Min(end, segment.End);
            Add(segment.Part(from, to - from, _text.Length - length + (from - start)));
        }
    }

    public void AppendPinned(string text, SourceLocation location)
    {
        if (text.Length == 0)
        {
            return;
        }

        Add(new LocatedTextSegment(_text.Length, text.Length, null, 0, location));
        _text.Append(text);
    }

    public LocatedText ToLocatedText(SourceLocation locationWhenEmpty) =>
        new(_text.ToString(), [.. _segments], locationWhenEmpty);

    private void Add(LocatedTextSegment segment)
    {
        if (_segments.Count > 0 && _segments[^1].Continues(segment))
        {
            var last = _segments[^1];
            _segments[^1] = last with { Length = last.Length + segment.Length };
            return;
        }

        _segments.Add(segment);
    }
}
