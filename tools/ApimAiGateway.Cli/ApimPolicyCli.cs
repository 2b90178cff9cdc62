using System.CommandLine;
using ApimAiGateway.Cli.Commands;
using Azure.Core;

namespace ApimAiGateway.Cli;

/// <summary>
/// The apim-policy command line: a thin shell over the harness library. Exit codes: 0 success, 1 findings (errors in
/// policies, failed tests), 2 usage or I/O problems.
/// </summary>
public static class ApimPolicyCli
{
    public const int Success = 0;
    public const int Findings = 1;
    public const int UsageOrInputError = 2;

    /// <param name="credential">Signs the ARM calls of publish, pull and diff; null uses DefaultAzureCredential.</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TokenCredential? credential = null)
    {
        var root = new RootCommand("Lint, test and run Azure API Management policies offline.")
        {
            LintCommand.Create(output, error),
            CodesCommand.Create(output),
            RunCommand.Create(output, error),
            TestCommand.Create(output, error),
            CheckCommand.Create(output, error),
            DocsCommand.Create(output, error),
            PublishCommand.Create(output, error, credential),
            PullCommand.Create(output, error, credential),
            DiffCommand.Create(output, error, credential),
            ServeCommand.Create(output, error),
        };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"apim-policy: {problem.Message}");
            }

            await error.WriteLineAsync("Run 'apim-policy --help' for usage.");
            return UsageOrInputError;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"apim-policy: {e.Message}");
            return UsageOrInputError;
        }
    }
}
