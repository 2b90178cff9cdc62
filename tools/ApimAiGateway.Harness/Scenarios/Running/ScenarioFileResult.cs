using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Scenarios.Running;

/// <summary>
/// The scenarios of one file and how each went. <see cref="Diagnostics"/> are problems with the file or the
/// repository it names; with errors among them, no scenario of the file ran.
/// </summary>
public sealed record ScenarioFileResult(string File, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<ScenarioResult> Scenarios)
{
    public bool HasInputErrors => Diagnostics.Any(d => d.IsError);

    public int Passed => Scenarios.Count(s => s.Passed);

    public int Failed => Scenarios.Count(s => !s.Passed);
}
