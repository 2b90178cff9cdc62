using System.CommandLine;
using ApimAiGateway.Delivery.Live;
using Azure.Core;

namespace ApimAiGateway.Cli.Commands;

/// <summary><c>apim-policy pull --subscription ID --resource-group RG --service NAME [--output DIR]</c>.</summary>
internal static class PullCommand
{
    public static Command Create(TextWriter output, TextWriter error, TokenCredential? credential)
    {
        var service = new ServiceOptions();
        var target = new Option<string>("--output", "-o") { Description = "Directory to write the layout into (default: the current directory).", DefaultValueFactory = _ => "." };
        var command = new Command("pull", "Write the live instance's policies and fragments into the repository layout.") { target };
        service.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var directory = parse.GetValue(target)!;
            if (string.IsNullOrWhiteSpace(directory) || directory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                await error.WriteLineAsync("apim-policy: --output must name a directory");
                return ApimPolicyCli.UsageOrInputError;
            }

            using var client = service.CreateClient(parse, credential, error);
            if (client is null)
            {
                return ApimPolicyCli.UsageOrInputError;
            }

            var result = await new PolicyPuller(new LiveInstanceReader(client)).PullAsync(directory, cancellationToken);
            foreach (var file in result.Written)
            {
                await output.WriteLineAsync($"wrote {file}");
            }

            foreach (var skipped in result.Skipped)
            {
                await error.WriteLineAsync($"apim-policy: skipped {skipped}");
            }

            if (result.Problem is not null)
            {
                await error.WriteLineAsync($"apim-policy: {result.Problem}");
                return ApimPolicyCli.Findings;
            }

            await error.WriteLineAsync($"{result.Written.Count} file(s) written.");
            return ApimPolicyCli.Success;
        });
        return command;
    }
}
