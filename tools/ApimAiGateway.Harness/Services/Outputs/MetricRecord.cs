namespace ApimAiGateway.Harness.Services.Outputs;

/// <summary>One custom metric value the gateway emitted (emit-metric and the token-metric policies).</summary>
public sealed record MetricRecord(
    string Name, string Namespace, double Value, IReadOnlyDictionary<string, string> Dimensions, DateTimeOffset Timestamp);
