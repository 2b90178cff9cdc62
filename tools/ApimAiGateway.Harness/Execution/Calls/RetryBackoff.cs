namespace ApimAiGateway.Harness.Execution.Calls;

/// <summary>
/// The wait before each retry of the retry policy ("retry policy", Retry wait times; apim-reference §4.14):
/// interval alone is fixed; interval and delta are linear, <c>interval + (n − 1)·delta</c> for the n-th retry;
/// interval, delta and max-interval are exponential, <c>interval + (2^(n−1) − 1)·delta</c> capped at max-interval.
/// The page writes the exponent as <c>2^count − 1</c>; its worked example (interval = delta = 10, max-interval =
/// 100 waits 10, 20, 40, 80, then 100 s) fixes count as the number of retries already made, which is what is used.
/// The docs draw the exponential delta from random(0.8·delta, 1.2·delta); the harness takes the midpoint so waits
/// are reproducible. first-fast-retry makes the first retry immediate; later retries keep their own waits.
/// </summary>
public sealed record RetryBackoff(int Interval, int? Delta, int? MaxInterval, bool FirstFastRetry)
{
    /// <summary>The wait before retry number <paramref name="retry"/>, counting from 1.</summary>
    public TimeSpan Before(int retry)
    {
        if (retry == 1 && FirstFastRetry)
        {
            return TimeSpan.Zero;
        }

        var seconds = (Delta, MaxInterval) switch
        {
            ({ } delta, { } max) => Math.Min(max, Interval + (Math.Pow(2, retry - 1) - 1) * delta),
            ({ } delta, null) => Interval + (retry - 1) * (double)delta,
            _ => Interval,
        };
        return TimeSpan.FromSeconds(seconds);
    }
}
