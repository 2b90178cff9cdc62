namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// Decides when a store sweeps out dead state. Exactly one caller wins each due sweep, so concurrent requests never
/// sweep twice, and the sweep runs inline on the clock the store already reads: no timer, nothing to dispose.
/// </summary>
internal sealed class SweepSchedule(TimeSpan interval)
{
    private readonly long _intervalTicks = Math.Max(1, interval.Ticks);
    private long _nextTicks = long.MinValue;

    public bool TryClaim(long nowTicks)
    {
        var due = Volatile.Read(ref _nextTicks);
        return nowTicks >= due
            && Interlocked.CompareExchange(ref _nextTicks, nowTicks + _intervalTicks, due) == due;
    }
}
