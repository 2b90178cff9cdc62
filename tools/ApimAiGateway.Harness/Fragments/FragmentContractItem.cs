namespace ApimAiGateway.Harness.Fragments;

/// <summary>The parts of one contract list entry such as <c>caller-id (set by an earlier fragment)</c>.</summary>
public static class FragmentContractItem
{
    /// <summary>The entry's name: its first word, without the remark that may follow it.</summary>
    public static string NameOf(string entry)
    {
        var trimmed = entry.Trim();
        var end = trimmed.IndexOfAny([' ', '\t', '(']);
        return end < 0 ? trimmed : trimmed[..end];
    }
}
