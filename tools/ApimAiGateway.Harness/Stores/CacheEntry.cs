namespace ApimAiGateway.Harness.Stores;

/// <summary>A cached value exactly as it was stored (any object, as cache-store-value allows, or a whole response) and the instant it expires.</summary>
public sealed record CacheEntry(object Value, DateTimeOffset ExpiresAt);
