using System.Text.Json.Nodes;

namespace ApimAiGateway.Delivery.Resources;

/// <summary>
/// A resource the repository declares: the body a PUT would send, the file it comes from, and the fragments it
/// includes. A verify-only resource is owned elsewhere (the Pulumi program) and is only checked to exist.
/// </summary>
public sealed record PlannedResource(ResourceAddress Address, JsonObject Body, string File)
{
    public bool VerifyOnly { get; init; }

    public IReadOnlyList<string> IncludedFragments { get; init; } = [];

    /// <summary>Why the resource is only verified, said in the report.</summary>
    public string? VerifyReason { get; init; }
}
