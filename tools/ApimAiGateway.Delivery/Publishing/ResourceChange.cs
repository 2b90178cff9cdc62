using ApimAiGateway.Delivery.Resources;

namespace ApimAiGateway.Delivery.Publishing;

/// <summary>One line of the publish report: the resource, what publish does with it, and how that ended.</summary>
public sealed record ResourceChange(ResourceAddress Address, ResourceAction Action)
{
    public ResourceOutcome Outcome { get; init; }

    /// <summary>The compact normalised diff of an update.</summary>
    public IReadOnlyList<string> Diff { get; init; } = [];

    /// <summary>Why it failed, or why it is only verified.</summary>
    public string? Detail { get; init; }

    public bool IsWrite => Action is ResourceAction.Create or ResourceAction.Update;
}
