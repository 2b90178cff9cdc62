using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Scenarios.Running;

/// <summary>How one scenario went: it passes when its gateway builds and every step meets its expectations.</summary>
public sealed record ScenarioResult(Scenario Scenario)
{
    /// <summary>Why the gateway could not be built (policy errors); the steps did not run.</summary>
    public IReadOnlyList<Diagnostic> BuildDiagnostics { get; init; } = [];

    /// <summary>The first step that failed; later steps did not run, since they may depend on it.</summary>
    public StepFailure? Failure { get; init; }

    public int StepsRun { get; init; }

    public bool Passed => Failure is null && !BuildDiagnostics.Any(d => d.IsError);
}
