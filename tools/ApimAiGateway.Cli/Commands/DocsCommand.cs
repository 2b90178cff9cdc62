using System.CommandLine;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Fragments;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Reporting;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Cli.Commands;

/// <summary>
/// <c>apim-policy docs [ROOT] [--output FILE] [--check]</c>: generates the fragment catalog (docs/fragments.md) from
/// the contracts the fragments open with; <c>--check</c> only says whether the file is current, for CI.
/// </summary>
internal static class DocsCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var root = new Argument<string?>("root")
        {
            Description = "The repository (default: the nearest directory at or above the current one holding policies/).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var file = new Option<string?>("--output", "-o") { Description = $"The catalog file (default: {FragmentCatalogWriter.DefaultPath} under the repository)." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when the catalog file is missing or out of date." };
        var command = new Command("docs", "Generate the fragment catalog from the fragments' contracts.") { root, file, check };
        command.SetAction(parse =>
        {
            var repository = parse.GetValue(root) ?? RepositoryRoot.Find(Environment.CurrentDirectory);
            if (repository is null || !Directory.Exists(Path.Combine(repository, PolicyLayout.PoliciesDirectory)))
            {
                error.WriteLine($"apim-policy: no repository (a directory holding policies/) at '{repository ?? Environment.CurrentDirectory}'.");
                return ApimPolicyCli.UsageOrInputError;
            }

            var catalog = FragmentCatalog.Load(repository);
            if (!catalog.IsComplete)
            {
                new TextDiagnosticWriter().Write(output, catalog.Diagnostics);
                error.WriteLine($"apim-policy: the fragment catalog was not generated: {catalog.Diagnostics.Count} problem(s) in the fragments' contracts.");
                return catalog.Diagnostics.Any(InputDiagnostics.IsInputProblem) ? ApimPolicyCli.UsageOrInputError : ApimPolicyCli.Findings;
            }

            var target = parse.GetValue(file) ?? Path.Combine(repository, FragmentCatalogWriter.DefaultPath);
            var markdown = FragmentCatalogWriter.Write(catalog);
            return parse.GetValue(check) ? Check(target, markdown, output, error) : Write(target, markdown, catalog, output);
        });
        return command;
    }

    private static int Check(string target, string markdown, TextWriter output, TextWriter error)
    {
        if (File.Exists(target) && File.ReadAllText(target).ReplaceLineEndings("\n") == markdown)
        {
            output.WriteLine($"{target} is current.");
            return ApimPolicyCli.Success;
        }

        error.WriteLine($"apim-policy: {target} is {(File.Exists(target) ? "out of date" : "missing")}; regenerate it with 'apim-policy docs'.");
        return ApimPolicyCli.Findings;
    }

    private static int Write(string target, string markdown, FragmentCatalog catalog, TextWriter output)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(target, markdown);
        output.WriteLine($"Wrote {target}: {catalog.Fragments.Count} fragment(s).");
        return ApimPolicyCli.Success;
    }
}
