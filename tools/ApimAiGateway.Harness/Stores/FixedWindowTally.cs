namespace ApimAiGateway.Harness.Stores;

/// <summary>The amount counted for one key in its current fixed window. Callers hold the tally's lock.</summary>
internal sealed class FixedWindowTally : ISweepableState
{
    private long _startTicks = long.MinValue;
    private long _endTicks = long.MinValue;
    private long _used;

    public bool IsRetired { get; private set; }

    /// <summary>Moves the tally into the window holding now, starting from zero when that is a new window.</summary>
    public long UsedIn((long Start, long End) window)
    {
        if (window.Start != _startTicks)
        {
            _startTicks = window.Start;
            _endTicks = window.End;
            _used = 0;
        }

        return _used;
    }

    public long Add(long amount) => _used += Math.Max(0, amount);

    public bool TryRetire(long nowTicks)
    {
        IsRetired = nowTicks >= _endTicks;
        return IsRetired;
    }
}
