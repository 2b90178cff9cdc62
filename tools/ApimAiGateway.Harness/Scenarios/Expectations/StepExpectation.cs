using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Scenarios.Expectations;

/// <summary>What the gateway's answer to one step must be; anything left unset is not checked.</summary>
public sealed record StepExpectation
{
    public (int Status, SourceLocation Location)? Status { get; init; }

    /// <summary>By header name (case-insensitive); several values of one header are compared joined by ','.</summary>
    public IReadOnlyList<KeyValuePair<string, ValueExpectation>> Headers { get; init; } = [];

    /// <summary>By JSONPath into the response body (Newtonsoft SelectToken syntax).</summary>
    public IReadOnlyList<KeyValuePair<string, ValueExpectation>> Body { get; init; } = [];

    /// <summary>The body as text, for bodies that are not JSON.</summary>
    public ValueExpectation? BodyText { get; init; }

    public IReadOnlyList<KeyValuePair<string, ValueExpectation>> Variables { get; init; } = [];

    /// <summary>How many calls reached a backend through forward-request.</summary>
    public (int Count, SourceLocation Location)? BackendCalls { get; init; }
}
