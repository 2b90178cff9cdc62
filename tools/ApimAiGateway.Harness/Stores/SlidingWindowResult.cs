namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// The outcome of <see cref="ISlidingWindowCounter.TryAcquire"/>. <see cref="Used"/> includes the request when it
/// was admitted. <see cref="RetryAfter"/> is zero when admitted; when rejected it is the exact time until enough of
/// the window has slid past counted amounts to admit the same request, or a whole window when no amount of sliding
/// can (the request alone exceeds the limit).
/// </summary>
public readonly record struct SlidingWindowResult(bool Allowed, long Used, long Remaining, TimeSpan RetryAfter);
