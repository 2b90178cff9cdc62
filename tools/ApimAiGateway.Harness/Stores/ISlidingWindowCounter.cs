namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// Counts amounts per key over a window that slides with the clock: an amount counted at instant t counts until
/// t + window and no longer (rate-limit and rate-limit-by-key calls, apim-reference §4.19/§4.20; llm-token-limit
/// tokens-per-minute, §4.31). A key is one counter whatever the window it is asked about, so limits with different
/// renewal periods that share a counter-key all see every counted amount, as APIM shares a counter-key across scopes.
/// Amounts below 1 are never recorded.
/// </summary>
public interface ISlidingWindowCounter
{
    /// <summary>The amount counted for <paramref name="key"/> within the last <paramref name="window"/>.</summary>
    long Peek(string key, TimeSpan window);

    /// <summary>
    /// Counts <paramref name="amount"/> if it fits under <paramref name="limit"/> within the last
    /// <paramref name="window"/>; otherwise counts nothing and says how long until it would fit.
    /// </summary>
    SlidingWindowResult TryAcquire(string key, long amount, long limit, TimeSpan window);

    /// <summary>
    /// Counts <paramref name="amount"/> unconditionally, for increments decided after the fact: rate-limit-by-key
    /// with an increment-condition expression counts at the end of outbound; token limits count reported usage
    /// once the response is in. Returns the amount now counted within the window.
    /// </summary>
    long Add(string key, long amount, TimeSpan window);
}
