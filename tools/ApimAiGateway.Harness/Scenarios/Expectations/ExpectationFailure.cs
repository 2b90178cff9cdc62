using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Scenarios.Expectations;

/// <summary>One expectation the gateway's answer did not meet: what, where it is written, expected and actual.</summary>
public sealed record ExpectationFailure(SourceLocation Location, string Subject, string Expected, string Actual)
{
    public override string ToString() => $"{Location}: {Subject}: expected {Expected}, actual {Actual}";
}
