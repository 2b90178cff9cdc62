using System.CommandLine;
using System.Diagnostics;
using ApimAiGateway.Harness.Analysis;
using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reporting;

namespace ApimAiGateway.Cli.Commands;

/// <summary><c>apim-policy lint [PATH...] [--named-values FILE] [--environment NAME] [--format text|json|sarif]</c>.</summary>
internal static class LintCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Policy files or directories to lint (default: the current directory).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var namedValues = new Option<string?>("--named-values") { Description = "Named values of the target environment (JSON or YAML)." };
        var environment = EnvironmentOption.Create();
        var format = new Option<string>("--format")
        {
            Description = "Report format.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var fragments = new Option<string[]>("--fragments") { Description = "Extra directories holding fragments the policies include." };
        var reportFile = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of standard output." };
        var noCache = new Option<bool>("--no-cache") { Description = "Compile every expression afresh and leave the cache alone." };

        var command = new Command("lint", "Check policies and fragments the way APIM does when they are saved, and more.")
        {
            paths, namedValues, environment, format, fragments, reportFile, noCache,
        };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            string[] inputs = parse.GetValue(paths) is { Length: > 0 } given ? given : ["."];
            var repository = RepositoryRoot.Find(inputs[0]);
            if (!EnvironmentOption.TryResolve(parse.GetValue(environment), repository, error, out var environmentFile))
            {
                return ApimPolicyCli.UsageOrInputError;
            }

            var request = new LintRequest(inputs)
            {
                NamedValuesFile = EnvironmentOption.Catalog(parse.GetValue(namedValues), environmentFile, repository),
                EnvironmentFile = environmentFile,
                FragmentDirectories = parse.GetValue(fragments) ?? [],
            };
            var compiler = new ExpressionCompiler(ExpressionCompilerOptions.Apim(parse.GetValue(noCache) ? null : CacheLocation.Default()));
            var result = new PolicyLinter(PolicyCatalog.Default, compiler).Lint(request);

            var writer = IDiagnosticWriter.For(Enum.Parse<DiagnosticFormat>(parse.GetValue(format)!, ignoreCase: true));
            if (parse.GetValue(reportFile) is { } file)
            {
                using var stream = new StreamWriter(file);
                writer.Write(stream, result.Diagnostics);
            }
            else
            {
                writer.Write(output, result.Diagnostics);
            }

            var errors = result.Diagnostics.Count(d => d.IsError);
            error.WriteLine(
                $"{result.FilesLinted} file(s), {result.ExpressionsCompiled} expression(s): {errors} error(s), " +
                $"{result.Diagnostics.Count - errors} warning(s) in {clock.ElapsedMilliseconds} ms{(result.CompiledFromCache ? " (compiled expressions from cache)" : string.Empty)}.");

            return result.HasInputProblems ? ApimPolicyCli.UsageOrInputError
                : result.HasErrors ? ApimPolicyCli.Findings
                : ApimPolicyCli.Success;
        });
        return command;
    }
}
