using System.CommandLine;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Scenarios.Reporting;
using ApimAiGateway.Harness.Scenarios.Running;

namespace ApimAiGateway.Cli.Commands;

/// <summary><c>apim-policy test [PATH...]</c>: runs scenario files and ends with <c>N passed, N failed</c>.</summary>
internal static class TestCommand
{
    /// <summary>Where a repository keeps its scenarios.</summary>
    public const string ScenariosDirectory = "policy-tests/scenarios";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = $"Scenario files or directories (default: {ScenariosDirectory} of the repository around the current directory).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var noCache = new Option<bool>("--no-cache") { Description = "Compile every expression afresh and leave the cache alone." };
        var command = new Command("test", "Run scenario files: requests against the gateway, with expected answers.") { paths, noCache };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(paths) is { Length: > 0 } named ? named : DefaultScenarios();
            if (given is null)
            {
                await error.WriteLineAsync($"apim-policy: no repository (a directory holding policies/) at or above '{Environment.CurrentDirectory}'; name the scenario files.");
                return ApimPolicyCli.UsageOrInputError;
            }

            var suite = await ScenarioSuite.RunAsync(given, Options(parse.GetValue(noCache)), cancellationToken);
            Write(output, suite);
            return ExitCode(suite);
        });
        return command;
    }

    public static ScenarioRunOptions Options(bool noCache) => new() { CompilationCacheDirectory = noCache ? null : CacheLocation.Default() };

    public static void Write(TextWriter output, ScenarioSuiteResult suite)
    {
        foreach (var diagnostic in suite.Diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }

        foreach (var file in suite.Files)
        {
            ScenarioReportWriter.Write(output, file);
        }

        output.WriteLine(ScenarioReportWriter.Summary(suite.Files));
    }

    public static int ExitCode(ScenarioSuiteResult suite) =>
        suite.HasInputErrors ? ApimPolicyCli.UsageOrInputError
        : suite.Failed > 0 ? ApimPolicyCli.Findings
        : ApimPolicyCli.Success;

    private static string[]? DefaultScenarios() =>
        RepositoryRoot.Find(Environment.CurrentDirectory) is { } root ? [Path.Combine(root, ScenariosDirectory)] : null;
}
