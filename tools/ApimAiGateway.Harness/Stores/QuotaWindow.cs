namespace ApimAiGateway.Harness.Stores;

/// <summary>One fixed quota window: from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive); no end when the quota never renews.</summary>
public readonly record struct QuotaWindow(DateTimeOffset Start, DateTimeOffset? End);
