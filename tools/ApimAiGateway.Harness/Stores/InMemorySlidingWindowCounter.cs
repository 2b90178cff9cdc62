namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// An exact sliding log per key (see <see cref="SlidingLog"/>): every counted amount keeps its timestamp until it
/// leaves the longest window asked about. Exact where APIM is approximate (apim-reference §4.19 notes its counting is
/// distributed), which is what makes limit tests deterministic; cheap at gateway-test volumes because a log admitted
/// through <see cref="TryAcquire"/> never holds more entries than its limit.
/// </summary>
public sealed class InMemorySlidingWindowCounter : ISlidingWindowCounter
{
    private readonly TimeProvider _clock;
    private readonly KeyedStateTable<string, SlidingLog> _logs;

    public InMemorySlidingWindowCounter(TimeProvider clock, StoreOptions? options = null)
    {
        _clock = clock;
        options ??= StoreOptions.Default;
        var maxEntries = options.MaxEntriesPerKey;
        _logs = new KeyedStateTable<string, SlidingLog>(_ => new SlidingLog(maxEntries), options.SweepInterval);
    }

    /// <summary>How many keys currently hold state; keys drop out once nothing they counted is within any window.</summary>
    internal int TrackedKeyCount => _logs.Count;

    /// <summary>How many timestamped entries the key's log holds, to observe the per-key memory bound.</summary>
    internal int EntryCount(string key) =>
        _logs.Read(key, Now, 0, static (log, _, _) => log.EntryCount, absent: 0);

    private long Now => _clock.GetUtcNow().UtcTicks;

    public long Peek(string key, TimeSpan window) =>
        _logs.Read(key, Now, window.Ticks, static (log, now, window) =>
        {
            log.Advance(now, window);
            return log.UsedWithin(now, window);
        }, absent: 0L);

    public SlidingWindowResult TryAcquire(string key, long amount, long limit, TimeSpan window) =>
        _logs.Update(key, Now, (Amount: Math.Max(0, amount), Limit: limit, Window: window.Ticks), static (log, now, request) =>
        {
            log.Advance(now, request.Window);
            var used = log.UsedWithin(now, request.Window);
            if (!Admission.Admits(used, request.Amount, request.Limit))
            {
                var wait = log.TimeUntilAdmitted(now, request.Window, request.Amount, request.Limit);
                return new SlidingWindowResult(false, used, Math.Max(0, request.Limit - used), wait);
            }

            log.Append(now, request.Amount);
            used += request.Amount;
            return new SlidingWindowResult(true, used, Math.Max(0, request.Limit - used), TimeSpan.Zero);
        });

    public long Add(string key, long amount, TimeSpan window) =>
        _logs.Update(key, Now, (Amount: amount, Window: window.Ticks), static (log, now, request) =>
        {
            log.Advance(now, request.Window);
            log.Append(now, request.Amount);
            return log.UsedWithin(now, request.Window);
        });
}
