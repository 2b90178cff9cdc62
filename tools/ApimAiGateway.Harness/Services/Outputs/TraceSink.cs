namespace ApimAiGateway.Harness.Services.Outputs;

/// <summary>Collects the traces a gateway writes, in order; safe to write from concurrent requests.</summary>
public sealed class TraceSink(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly RecordList<TraceRecord> _records = new();

    public IReadOnlyList<TraceRecord> Records => _records.Snapshot();

    public IReadOnlyList<TraceRecord> FromSource(string source) =>
        _records.Snapshot(record => string.Equals(record.Source, source, StringComparison.Ordinal));

    public TraceRecord Write(
        string source, TraceSeverity severity, string message, IEnumerable<KeyValuePair<string, string>>? metadata = null)
    {
        var record = new TraceRecord(source, severity, message, NameValueMap.From(metadata), _clock.GetUtcNow());
        _records.Add(record);
        return record;
    }

    public void Clear() => _records.Clear();
}
