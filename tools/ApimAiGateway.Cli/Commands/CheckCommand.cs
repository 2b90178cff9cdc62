using System.CommandLine;
using System.Diagnostics;
using ApimAiGateway.Harness.Analysis;
using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reporting;
using ApimAiGateway.Harness.Repository;
using ApimAiGateway.Harness.Scenarios.Running;

namespace ApimAiGateway.Cli.Commands;

/// <summary>
/// <c>apim-policy check [ROOT]</c>: lints the repository's policies and fragments with its named values, runs its
/// scenarios, and prints a summary table; what CI and a newcomer run first.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var root = new Argument<string?>("root")
        {
            Description = "The repository (default: the nearest directory at or above the current one holding policies/).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var scenarios = new Option<string?>("--scenarios") { Description = $"Scenario directory (default: {TestCommand.ScenariosDirectory})." };
        var namedValues = new Option<string?>("--named-values") { Description = "Named values (default: policies/named-values.json)." };
        var environment = EnvironmentOption.Create();
        var noCache = new Option<bool>("--no-cache") { Description = "Compile every expression afresh and leave the cache alone." };
        var command = new Command("check", "Lint and test the whole repository and print a summary.") { root, scenarios, namedValues, environment, noCache };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var repository = parse.GetValue(root) ?? RepositoryRoot.Find(Environment.CurrentDirectory);
            if (repository is null || !Directory.Exists(Path.Combine(repository, PolicyLayout.PoliciesDirectory)))
            {
                await error.WriteLineAsync($"apim-policy: no repository (a directory holding policies/) at '{repository ?? Environment.CurrentDirectory}'.");
                return ApimPolicyCli.UsageOrInputError;
            }

            if (!EnvironmentOption.TryResolve(parse.GetValue(environment), repository, error, out var environmentFile))
            {
                return ApimPolicyCli.UsageOrInputError;
            }

            var clock = Stopwatch.StartNew();
            var lint = Lint(repository, parse.GetValue(namedValues), environmentFile, parse.GetValue(noCache));
            var lintTime = clock.Elapsed;
            new TextDiagnosticWriter().Write(output, lint.Diagnostics);

            clock.Restart();
            var scenarioDirectory = parse.GetValue(scenarios) ?? Path.Combine(repository, TestCommand.ScenariosDirectory);
            var suite = parse.GetValue(scenarios) is null && !Directory.Exists(scenarioDirectory)
                ? new ScenarioSuiteResult([], [])
                : await ScenarioSuite.RunAsync([scenarioDirectory], TestCommand.Options(parse.GetValue(noCache)) with { Environment = parse.GetValue(environment) }, cancellationToken);
            var testTime = clock.Elapsed;
            TestCommand.Write(output, suite);

            var failedFiles = lint.Diagnostics.Where(d => d.IsError).Select(d => d.Location.File).Distinct(StringComparer.Ordinal).Count();
            output.WriteLine();
            output.WriteLine($"{"step",-6}{"files",7}{"passed",8}{"failed",8}{"time",10}");
            output.WriteLine(Row("lint", lint.FilesLinted, lint.FilesLinted - failedFiles, failedFiles, lintTime));
            output.WriteLine(Row("test", suite.Files.Count, suite.Passed, suite.Failed, testTime));

            return lint.HasInputProblems || suite.HasInputErrors ? ApimPolicyCli.UsageOrInputError
                : lint.HasErrors || suite.Failed > 0 ? ApimPolicyCli.Findings
                : ApimPolicyCli.Success;
        });
        return command;
    }

    private static LintResult Lint(string repository, string? namedValues, string? environmentFile, bool noCache)
    {
        var fragments = Path.Combine(repository, PolicyLayout.FragmentsDirectory);
        var request = new LintRequest(Directory.Exists(fragments)
            ? [Path.Combine(repository, PolicyLayout.PoliciesDirectory), fragments]
            : [Path.Combine(repository, PolicyLayout.PoliciesDirectory)])
        {
            NamedValuesFile = namedValues ?? NamedValueEnvironments.ExistingCatalogOf(repository),
            EnvironmentFile = environmentFile,
        };
        var compiler = new ExpressionCompiler(ExpressionCompilerOptions.Apim(noCache ? null : CacheLocation.Default()));
        return new PolicyLinter(PolicyCatalog.Default, compiler).Lint(request);
    }

    private static string Row(string step, int files, int passed, int failed, TimeSpan time) =>
        $"{step,-6}{files,7}{passed,8}{failed,8}{$"{time.TotalMilliseconds:0} ms",10}";
}
