using System.CommandLine;
using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Cli.Commands;

/// <summary><c>apim-policy codes</c>: the table of the project's own diagnostic codes, as docs/diagnostics.md holds it.</summary>
public static class CodesCommand
{
    internal static Command Create(TextWriter output)
    {
        var command = new Command("codes", "List the diagnostic codes apim-policy reports, as a Markdown table.");
        command.SetAction(_ =>
        {
            output.Write(MarkdownTable());
            return ApimPolicyCli.Success;
        });
        return command;
    }

    public static string MarkdownTable()
    {
        var table = new System.Text.StringBuilder("| Code | Severity | Title | Message |\n|---|---|---|---|\n");
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            var message = descriptor.MessageFormat.Replace("|", "\\|", StringComparison.Ordinal);
            table.Append($"| {descriptor.Code} | {descriptor.Severity.ToString().ToLowerInvariant()} | {descriptor.Title} | {message} |\n");
        }

        return table.ToString();
    }
}
