using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>Asking a sliding-window counter whether it has room, without counting anything.</summary>
internal static class SlidingWindowChecks
{
    /// <summary>
    /// Whether another call fits under <paramref name="limit"/> now; when none does, how long until one will.
    /// A refused acquisition counts nothing, which makes it the side-effect-free way to learn the wait.
    /// </summary>
    public static (bool HasRoom, long Used, TimeSpan RetryAfter) Check(this ISlidingWindowCounter counter, string key, long limit, TimeSpan window)
    {
        var used = counter.Peek(key, window);
        return used < limit
            ? (true, used, TimeSpan.Zero)
            : (false, used, counter.TryAcquire(key, 1, limit, window).RetryAfter);
    }
}
