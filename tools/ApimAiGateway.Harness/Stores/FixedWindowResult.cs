namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// The outcome of <see cref="IFixedWindowCounter.TryAcquire"/>. <see cref="Used"/> includes the request when it was
/// admitted. <see cref="ResetsIn"/> is the time until the window rolls over, the wait behind Retry-After and
/// "Quota will be replenished in hh:mm:ss"; null when the quota never renews.
/// </summary>
public readonly record struct FixedWindowResult(bool Allowed, long Used, long Remaining, TimeSpan? ResetsIn);
