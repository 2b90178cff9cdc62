using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Fragments;

/// <summary>
/// What a fragment promises, as its first comment states it in YAML: its id (the file name), the policy section it
/// belongs in, a one-line summary, what it reads and sets, and the answers it returns. <see cref="Location"/> is where
/// the contract's YAML starts in the fragment file.
/// </summary>
public sealed record FragmentContract(
    string Id,
    string Section,
    string Summary,
    FragmentReads Reads,
    FragmentSets Sets,
    IReadOnlyList<FragmentReturn> Returns,
    SourceLocation Location)
{
    /// <summary>The longer explanation (the <c>description</c> or <c>notes</c> key), when the contract has one.</summary>
    public string? Description { get; init; }
}
