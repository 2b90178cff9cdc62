namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// Fixed-window counters held in memory, one per key and period, so quotas with different periods never reset each
/// other even when they share a key. A counter whose window has ended is dropped by the sweep; the next request
/// would have started it from zero anyway.
/// </summary>
public sealed class InMemoryFixedWindowCounter : IFixedWindowCounter
{
    private readonly TimeProvider _clock;
    private readonly KeyedStateTable<(string Key, QuotaPeriod Period), FixedWindowTally> _tallies;

    public InMemoryFixedWindowCounter(TimeProvider clock, StoreOptions? options = null)
    {
        _clock = clock;
        _tallies = new(static _ => new FixedWindowTally(), (options ?? StoreOptions.Default).SweepInterval);
    }

    /// <summary>How many key and period pairs currently hold a count.</summary>
    internal int TrackedKeyCount => _tallies.Count;

    private long Now => _clock.GetUtcNow().UtcTicks;

    public long Peek(string key, QuotaPeriod period) =>
        _tallies.Read((key, period), Now, period, static (tally, now, period) => tally.UsedIn(period.WindowTicksAt(now)), absent: 0L);

    public FixedWindowResult TryAcquire(string key, long amount, long limit, QuotaPeriod period) =>
        _tallies.Update((key, period), Now, (Amount: Math.Max(0, amount), Limit: limit, Period: period), static (tally, now, request) =>
        {
            var window = request.Period.WindowTicksAt(now);
            var used = tally.UsedIn(window);
            var allowed = Admission.Admits(used, request.Amount, request.Limit);
            if (allowed)
            {
                used = tally.Add(request.Amount);
            }

            TimeSpan? resetsIn = window.End == long.MaxValue ? null : TimeSpan.FromTicks(window.End - now);
            return new FixedWindowResult(allowed, used, Math.Max(0, request.Limit - used), resetsIn);
        });

    public long Add(string key, long amount, QuotaPeriod period) =>
        _tallies.Update((key, period), Now, (Amount: amount, Period: period), static (tally, now, request) =>
        {
            tally.UsedIn(request.Period.WindowTicksAt(now));
            return tally.Add(request.Amount);
        });
}
