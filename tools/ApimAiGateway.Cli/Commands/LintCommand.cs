using System.CommandLine;
using System.Diagnostics;
using ApimAiGateway.Harness.Analysis;
using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reporting;

namespace ApimAiGateway.Cli.Commands;

/// <summary><c>apim-policy lint [PATH...] [--named-values FILE] [--format text|json|sarif]</c>.</summary>
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
            paths, namedValues, format, fragments, reportFile, noCache,
        };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var request = new LintRequest(parse.GetValue(paths) is { Length: > 0 } given ? given : ["."])
            {
                NamedValuesFile = parse.GetValue(namedValues),
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
