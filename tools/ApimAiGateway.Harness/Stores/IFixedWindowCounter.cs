namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// Counts amounts per key within fixed windows that restart at period boundaries (quota and quota-by-key calls and
/// bandwidth, apim-reference §4.21/§4.22; llm-token-limit token-quota, §4.31). Each key and period is one counter;
/// amounts below 1 are never recorded.
/// </summary>
public interface IFixedWindowCounter
{
    /// <summary>The amount counted for <paramref name="key"/> in the window of <paramref name="period"/> that holds now.</summary>
    long Peek(string key, QuotaPeriod period);

    /// <summary>Counts <paramref name="amount"/> if it fits under <paramref name="limit"/> in the current window; otherwise counts nothing.</summary>
    FixedWindowResult TryAcquire(string key, long amount, long limit, QuotaPeriod period);

    /// <summary>Counts <paramref name="amount"/> unconditionally (usage known only after the response); returns the amount now counted in the window.</summary>
    long Add(string key, long amount, QuotaPeriod period);
}
