using System.Diagnostics;
using System.Globalization;
using System.Net;
using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace ApimAiGateway.Benchmarks;

/// <summary>
/// Issue 2's benchmark: a cold lint of N distinct expressions in a fresh process (the way CI runs it), the same lint
/// again on the warm disk cache, and the per-expression CSharpScript compile it replaces, measured side by side.
/// Wall-clock figures on a noisy machine: compare the ratios of one run.
/// </summary>
internal static class CompileBenchmark
{
    public static int Run(int expressions, int scriptSample, string cli, int rounds)
    {
        var root = Path.Combine(Path.GetTempPath(), "apim-bench-" + Guid.NewGuid().ToString("N"));
        var cache = Path.Combine(root, ".cache");
        try
        {
            ExpressionLibraryGenerator.Write(root, expressions);
            Console.WriteLine($"library: {expressions} distinct expressions in {Directory.GetFiles(root, "*.xml", SearchOption.AllDirectories).Length} files; CLI: {cli}");

            var cold = Enumerable.Range(0, rounds).Select(_ => Lint(cli, root, cacheDirectory: null)).ToList();
            Lint(cli, root, cache);
            var warm = Enumerable.Range(0, rounds).Select(_ => Lint(cli, root, cache)).ToList();
            var inProcess = CompileInProcess(expressions);
            var script = CompileWithScripting(expressions, scriptSample);

            Console.WriteLine($"cold lint, fresh process, no cache   : {Describe(cold)}");
            Console.WriteLine($"repeated lint, warm disk cache       : {Describe(warm)}");
            Console.WriteLine($"batch compile in one process (first) : {inProcess.TotalMilliseconds:F0} ms");
            Console.WriteLine($"CSharpScript, one compile each       : {script.TotalMilliseconds / scriptSample:F1} ms/expression over {scriptSample}, {script.TotalMilliseconds / scriptSample * expressions:F0} ms for {expressions}");
            var median = Median(cold);
            Console.WriteLine($"speed-up of the cold lint over CSharpScript: {script.TotalMilliseconds / scriptSample * expressions / median:F1}x; cache speed-up: {median / Median(warm):F1}x");
            return 0;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>One lint in a fresh process; without a cache directory it compiles everything afresh.</summary>
    private static double Lint(string cli, string root, string? cacheDirectory)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var argument in new[] { cli, "lint", "policies" })
        {
            start.ArgumentList.Add(argument);
        }

        if (cacheDirectory is null)
        {
            start.ArgumentList.Add("--no-cache");
        }
        else
        {
            start.Environment["APIM_POLICY_CACHE"] = cacheDirectory;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The benchmark library does not lint clean (exit {process.ExitCode}):\n{output.Result}{error}");
        }

        return clock.Elapsed.TotalMilliseconds;
    }

    private static TimeSpan CompileInProcess(int count)
    {
        var sources = ExpressionLibraryGenerator.Expressions(count)
            .Select((code, i) => new ExpressionSource(
                WebUtility.HtmlDecode(code),
                i % 5 == 4 ? ExpressionKind.MultiStatement : ExpressionKind.SingleStatement,
                ExpressionResultType.Object,
                _ => new SourceLocation("bench", 1, 1)))
            .ToList();
        var clock = Stopwatch.StartNew();
        var result = new ExpressionCompiler(ExpressionCompilerOptions.Apim()).Compile(sources);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        }

        return clock.Elapsed;
    }

    /// <summary>The baseline: one CSharpScript per expression, after a warm-up so Roslyn's own start-up is not counted.</summary>
    private static TimeSpan CompileWithScripting(int count, int sample)
    {
        var options = ScriptOptions.Default
            .WithReferences(typeof(IExpressionContext).Assembly, typeof(Newtonsoft.Json.JsonConvert).Assembly)
            .WithImports([.. ExpressionCompilerOptions.Apim().Usings, .. ExpressionCompilerOptions.Apim().ApiNamespaces])
            .WithLanguageVersion(ExpressionCompilerOptions.ApimLanguageVersion);
        var codes = ExpressionLibraryGenerator.Expressions(count).Take(sample + 1).Select(WebUtility.HtmlDecode).ToList();
        CSharpScript.Create<object>(codes[0], options, typeof(ScriptGlobals)).Compile();

        var clock = Stopwatch.StartNew();
        foreach (var code in codes.Skip(1))
        {
            var diagnostics = CSharpScript.Create<object>(code, options, typeof(ScriptGlobals)).Compile();
            if (diagnostics.Any(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error))
            {
                throw new InvalidOperationException(string.Join("\n", diagnostics));
            }
        }

        return clock.Elapsed;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Describe(List<double> values) =>
        $"median {Median(values):F0} ms (runs: {string.Join(", ", values.Select(v => v.ToString("F0", CultureInfo.InvariantCulture)))})";
}

/// <summary>The globals CSharpScript compiles against: a <c>context</c> of APIM's expression type.</summary>
public sealed class ScriptGlobals
{
#pragma warning disable IDE1006 // APIM names the variable "context".
    public IExpressionContext context { get; init; } = null!;
#pragma warning restore IDE1006
}
