namespace ApimAiGateway.Harness.Services;

/// <summary>
/// An append-only list written concurrently by the gateway and read by tests; readers get snapshots, so a test can
/// enumerate while requests are still running.
/// </summary>
internal sealed class RecordList<T>
{
    private readonly List<T> _items = [];
    private readonly Lock _gate = new();

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    public void Add(T item)
    {
        lock (_gate)
        {
            _items.Add(item);
        }
    }

    public IReadOnlyList<T> Snapshot(Func<T, bool>? filter = null)
    {
        lock (_gate)
        {
            return filter is null ? [.. _items] : [.. _items.Where(filter)];
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _items.Clear();
        }
    }
}
