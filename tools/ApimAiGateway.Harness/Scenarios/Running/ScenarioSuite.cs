using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Scenarios.Loading;

namespace ApimAiGateway.Harness.Scenarios.Running;

/// <summary>Every scenario file under some paths, run in order; what <c>apim-policy test</c> and <c>check</c> run.</summary>
public static class ScenarioSuite
{
    public static async Task<ScenarioSuiteResult> RunAsync(IReadOnlyList<string> paths, ScenarioRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var diagnostics = new DiagnosticBag();
        var runner = new ScenarioRunner(options);
        var files = new List<ScenarioFileResult>();
        foreach (var path in ScenarioFileLoader.Discover(paths, diagnostics))
        {
            files.Add(await runner.RunAsync(ScenarioFileLoader.Load(path), cancellationToken));
        }

        return new ScenarioSuiteResult(files, diagnostics.Items);
    }
}
