namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// The timestamped amounts counted for one key, oldest first, in a ring buffer, with their running total. Entries
/// older than the longest window ever asked about are pruned on every access, so the log holds only what some window
/// can still see. Callers hold the log's lock.
/// </summary>
internal sealed class SlidingLog : ISweepableState
{
    private const int InitialCapacity = 4;
    private readonly int _maxEntries;
    private long[] _ticks;
    private long[] _amounts;
    private int _head;
    private int _count;
    private long _total;
    private long _retentionTicks;

    public SlidingLog(int maxEntries)
    {
        _maxEntries = Math.Max(2, maxEntries);
        _ticks = new long[Math.Min(InitialCapacity, _maxEntries)];
        _amounts = new long[_ticks.Length];
    }

    public bool IsRetired { get; private set; }

    public int EntryCount => _count;

    /// <summary>Brings the log to <paramref name="nowTicks"/> for a window of <paramref name="windowTicks"/>.</summary>
    public void Advance(long nowTicks, long windowTicks)
    {
        _retentionTicks = Math.Max(_retentionTicks, windowTicks);
        var horizon = nowTicks - _retentionTicks;
        while (_count > 0 && _ticks[_head] <= horizon)
        {
            _total -= _amounts[_head];
            _head = Next(_head);
            _count--;
        }
    }

    /// <summary>The amount counted after <c>nowTicks - windowTicks</c>; call <see cref="Advance"/> first.</summary>
    public long UsedWithin(long nowTicks, long windowTicks)
    {
        if (windowTicks >= _retentionTicks)
        {
            return _total;
        }

        var horizon = nowTicks - windowTicks;
        var used = 0L;
        for (var i = _count - 1; i >= 0; i--)
        {
            var index = IndexAt(i);
            if (_ticks[index] <= horizon)
            {
                break;
            }

            used += _amounts[index];
        }

        return used;
    }

    public void Append(long nowTicks, long amount)
    {
        if (amount <= 0)
        {
            return;
        }

        _total += amount;
        if (_count > 0 && _ticks[IndexAt(_count - 1)] == nowTicks)
        {
            _amounts[IndexAt(_count - 1)] += amount;
            return;
        }

        if (_count == _ticks.Length)
        {
            if (_count < _maxEntries)
            {
                Grow();
            }
            else
            {
                MergeOldestPair();
            }
        }

        var tail = IndexAt(_count);
        _ticks[tail] = nowTicks;
        _amounts[tail] = amount;
        _count++;
    }

    /// <summary>
    /// How long until a request of <paramref name="amount"/> is admitted, given nothing more is counted meanwhile:
    /// walk the counted entries oldest first, each leaving the window at its timestamp plus the window, until what
    /// remains admits the request.
    /// </summary>
    public TimeSpan TimeUntilAdmitted(long nowTicks, long windowTicks, long amount, long limit)
    {
        if (!Admission.IsSatisfiable(amount, limit))
        {
            return TimeSpan.FromTicks(windowTicks);
        }

        var horizon = nowTicks - windowTicks;
        var used = UsedWithin(nowTicks, windowTicks);
        var wait = 0L;
        for (var i = 0; i < _count && !Admission.Admits(used, amount, limit); i++)
        {
            var index = IndexAt(i);
            if (_ticks[index] <= horizon)
            {
                continue;
            }

            used -= _amounts[index];
            wait = _ticks[index] + windowTicks - nowTicks;
        }

        return TimeSpan.FromTicks(wait);
    }

    public bool TryRetire(long nowTicks)
    {
        Advance(nowTicks, _retentionTicks);
        IsRetired = _count == 0;
        return IsRetired;
    }

    private void MergeOldestPair()
    {
        var second = Next(_head);
        _amounts[second] += _amounts[_head];
        _head = second;
        _count--;
    }

    private void Grow()
    {
        var size = Math.Min(_ticks.Length * 2, _maxEntries);
        var ticks = new long[size];
        var amounts = new long[size];
        for (var i = 0; i < _count; i++)
        {
            ticks[i] = _ticks[IndexAt(i)];
            amounts[i] = _amounts[IndexAt(i)];
        }

        _ticks = ticks;
        _amounts = amounts;
        _head = 0;
    }

    private int IndexAt(int offset) => (_head + offset) % _ticks.Length;

    private int Next(int index) => (index + 1) % _ticks.Length;
}
