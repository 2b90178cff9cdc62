namespace ApimAiGateway.Harness.Services.Outputs;

/// <summary>One trace the gateway wrote (trace policy or <c>context.Trace</c>).</summary>
public sealed record TraceRecord(
    string Source, TraceSeverity Severity, string Message, IReadOnlyDictionary<string, string> Metadata, DateTimeOffset Timestamp);
