using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Scenarios.Running;
using Newtonsoft.Json;

namespace ApimAiGateway.Harness.Scenarios.Reporting;

/// <summary>
/// The text report of a test run: a line per scenario, and for each failure the expected and actual values, the
/// trace and the response. Callers end it with <see cref="Summary"/>.
/// </summary>
public static class ScenarioReportWriter
{
    private const int BodyPreviewLength = 2000;

    public static void Write(TextWriter writer, ScenarioFileResult file)
    {
        foreach (var diagnostic in file.Diagnostics)
        {
            writer.WriteLine(diagnostic.ToString());
        }

        foreach (var scenario in file.Scenarios)
        {
            writer.WriteLine($"{(scenario.Passed ? "PASS" : "FAIL")} {scenario.Scenario.Name} ({scenario.Scenario.Location})");
            foreach (var diagnostic in scenario.BuildDiagnostics.Where(d => d.IsError))
            {
                writer.WriteLine($"  {diagnostic}");
            }

            if (scenario.Failure is { } failure)
            {
                WriteFailure(writer, failure);
            }
        }
    }

    /// <summary>The last line of a run: <c>N passed, N failed</c>.</summary>
    public static string Summary(IEnumerable<ScenarioFileResult> files)
    {
        var all = files.ToList();
        return $"{all.Sum(f => f.Passed)} passed, {all.Sum(f => f.Failed)} failed";
    }

    private static void WriteFailure(TextWriter writer, StepFailure failure)
    {
        var request = failure.Step.Request.Call;
        writer.WriteLine($"  {failure.Step.Name}: {request.Method} {request.Url} ({failure.Step.Location})");
        foreach (var expectation in failure.Failures)
        {
            writer.WriteLine($"    {expectation}");
        }

        var result = failure.Result;
        var body = result.BodyJson?.ToString(Formatting.None) ?? result.BodyText;
        writer.WriteLine($"    response: {result} {(body.Length > BodyPreviewLength ? body[..BodyPreviewLength] + "..." : body)}");
        GatewayResultFormatter.WriteTrace(writer, result.Trace, "    ");
    }
}
