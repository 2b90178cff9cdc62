namespace ApimAiGateway.Harness.Fragments;

/// <summary>
/// What a fragment reads. Entries are as the contract writes them: a name, optionally followed by a remark
/// (<c>caller-id (set by an earlier fragment)</c>); <see cref="FragmentContractItem.NameOf"/> takes the name.
/// </summary>
public sealed record FragmentReads(
    IReadOnlyList<string> NamedValues,
    IReadOnlyList<string> Variables,
    IReadOnlyList<string> Request,
    IReadOnlyList<string> Response)
{
    public static FragmentReads None { get; } = new([], [], [], []);

    public bool IsEmpty => NamedValues.Count + Variables.Count + Request.Count + Response.Count == 0;
}
