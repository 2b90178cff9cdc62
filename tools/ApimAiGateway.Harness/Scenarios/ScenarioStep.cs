using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Scenarios.Expectations;
using ApimAiGateway.Harness.Scenarios.Requests;

namespace ApimAiGateway.Harness.Scenarios;

/// <summary>One request of a scenario, the virtual time that passes before it, and what the answer must be.</summary>
public sealed record ScenarioStep(string Name, SourceLocation Location, RequestDefinition Request, StepExpectation Expect)
{
    public TimeSpan Advance { get; init; }
}
