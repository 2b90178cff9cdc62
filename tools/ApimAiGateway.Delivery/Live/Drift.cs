using ApimAiGateway.Delivery.Resources;

namespace ApimAiGateway.Delivery.Live;

/// <summary>One drifted resource, with the compact normalised diff when both sides have it (- live, + repository).</summary>
public sealed record Drift(ResourceAddress Address, DriftKind Kind, IReadOnlyList<string> Diff);
