namespace ApimAiGateway.Harness.Services.Outputs;

/// <summary>Collects the custom metrics a gateway emits, in order; safe to write from concurrent requests.</summary>
public sealed class MetricSink(TimeProvider? clock = null)
{
    /// <summary>emit-metric's default namespace (apim-reference §4.17).</summary>
    public const string DefaultNamespace = "API Management";

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly RecordList<MetricRecord> _records = new();

    public IReadOnlyList<MetricRecord> Records => _records.Snapshot();

    public IReadOnlyList<MetricRecord> Named(string name, string metricNamespace = DefaultNamespace) =>
        _records.Snapshot(record => record.Name == name && record.Namespace == metricNamespace);

    /// <summary>The sum of all values emitted under a name, what a metrics backend shows as the metric's total.</summary>
    public double Total(string name, string metricNamespace = DefaultNamespace) =>
        Named(name, metricNamespace).Sum(record => record.Value);

    public MetricRecord Emit(
        string name, double value, IEnumerable<KeyValuePair<string, string>>? dimensions = null, string metricNamespace = DefaultNamespace)
    {
        var record = new MetricRecord(name, metricNamespace, value, NameValueMap.From(dimensions), _clock.GetUtcNow());
        _records.Add(record);
        return record;
    }

    public void Clear() => _records.Clear();
}
