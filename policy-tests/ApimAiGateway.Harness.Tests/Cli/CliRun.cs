using ApimAiGateway.Cli;

namespace ApimAiGateway.Harness.Tests.Cli;

/// <summary>Runs apim-policy in process, as the verb tests drive it, and keeps what it wrote.</summary>
internal static class CliRun
{
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await ApimPolicyCli.RunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
