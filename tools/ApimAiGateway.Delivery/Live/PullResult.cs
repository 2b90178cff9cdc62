namespace ApimAiGateway.Delivery.Live;

/// <summary>The files pull wrote, the ids it skipped, and what stopped it (null when it finished).</summary>
public sealed record PullResult(IReadOnlyList<string> Written, IReadOnlyList<string> Skipped, string? Problem);
