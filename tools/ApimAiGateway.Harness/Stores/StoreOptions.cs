namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// Memory bounds of the in-memory stores. The defaults suit tests and load benchmarks alike; they only matter for
/// gateways that see very many distinct keys or very long sliding logs.
/// </summary>
public sealed record StoreOptions
{
    public static StoreOptions Default { get; } = new();

    /// <summary>
    /// Most timestamped entries a sliding log keeps per key. Beyond it the two oldest entries are merged under the
    /// later timestamp, so the count stays conservative (a merged amount leaves the window late, never early).
    /// A log that only admits through <see cref="ISlidingWindowCounter.TryAcquire"/> never holds more entries than
    /// its limit, so the cap only bites for limits above it or for large deferred <see cref="ISlidingWindowCounter.Add"/>s.
    /// Values below 2 are taken as 2.
    /// </summary>
    public int MaxEntriesPerKey { get; init; } = 4096;

    /// <summary>How often (on the store's clock) keys whose state has run out are dropped, and expired cache entries removed.</summary>
    public TimeSpan SweepInterval { get; init; } = TimeSpan.FromMinutes(1);
}
