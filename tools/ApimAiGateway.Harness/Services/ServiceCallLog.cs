namespace ApimAiGateway.Harness.Services;

/// <summary>Every call the simulated network carried, routed or not, in the order the calls were sent.</summary>
public sealed class ServiceCallLog
{
    private readonly RecordList<ServiceCall> _calls = new();

    public int Count => _calls.Count;

    public IReadOnlyList<ServiceCall> All => Ordered(_calls.Snapshot());

    public IReadOnlyList<ServiceCall> ForHost(string host) =>
        Ordered(_calls.Snapshot(call => string.Equals(call.Host, host, StringComparison.OrdinalIgnoreCase)));

    public IReadOnlyList<ServiceCall> ForService(string name) =>
        Ordered(_calls.Snapshot(call => string.Equals(call.ServiceName, name, StringComparison.Ordinal)));

    public void Clear() => _calls.Clear();

    internal void Add(ServiceCall call) => _calls.Add(call);

    // Calls are added as they complete; concurrent calls can complete out of the order they were sent in.
    private static IReadOnlyList<ServiceCall> Ordered(IReadOnlyList<ServiceCall> calls) =>
        [.. calls.OrderBy(call => call.Sequence)];
}
