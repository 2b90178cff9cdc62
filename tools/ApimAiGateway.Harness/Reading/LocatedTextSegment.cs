using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// A run of a <see cref="LocatedText"/>. A mirrored run (with a <see cref="Source"/>) is a verbatim copy of the
/// source starting at <see cref="SourceOffset"/>; a pinned run (decoded entity, substituted named value) has no
/// one-to-one source characters, so all of its characters report <see cref="Pinned"/>.
/// </summary>
internal readonly record struct LocatedTextSegment(int Start, int Length, SourceFile? Source, int SourceOffset, SourceLocation Pinned)
{
    public int End => Start + Length;

    public SourceLocation LocationAt(int offset) =>
        Source is null ? Pinned : Source.LocationOf(SourceOffset + (offset - Start));

    public LocatedTextSegment Part(int start, int length, int newStart) =>
        new(newStart, length, Source, SourceOffset + (start - Start), Pinned);

    /// <summary>Whether <paramref name="next"/> continues this run, so the two can be stored as one.</summary>
    public bool Continues(LocatedTextSegment next) =>
        next.Start == End && (Source is null
            ? next.Source is null && next.Pinned == Pinned
            : ReferenceEquals(next.Source, Source) && next.SourceOffset == SourceOffset + Length);
}
