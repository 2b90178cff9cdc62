namespace ApimAiGateway.Harness.Fragments;

/// <summary>What a fragment sets: context variables, headers (of the request or the response) and parts of the body.</summary>
public sealed record FragmentSets(IReadOnlyList<string> Variables, IReadOnlyList<string> Headers, IReadOnlyList<string> Body)
{
    public static FragmentSets None { get; } = new([], [], []);

    public bool IsEmpty => Variables.Count + Headers.Count + Body.Count == 0;
}
