using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Scenarios.Running;

/// <summary>The results per file, and problems finding the files.</summary>
public sealed record ScenarioSuiteResult(IReadOnlyList<ScenarioFileResult> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    public int Passed => Files.Sum(f => f.Passed);

    public int Failed => Files.Sum(f => f.Failed);

    /// <summary>A path, file or repository could not be used: exit code 2.</summary>
    public bool HasInputErrors => Diagnostics.Any(d => d.IsError) || Files.Any(f => f.HasInputErrors);
}
