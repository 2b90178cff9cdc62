using System.CommandLine;
using ApimAiGateway.Delivery.Arm;
using ApimAiGateway.Delivery.Live;
using ApimAiGateway.Harness.Gateway;
using Azure.Core;

namespace ApimAiGateway.Cli.Commands;

/// <summary>
/// <c>apim-policy diff --subscription ID --resource-group RG --service NAME [--repository DIR]</c>: exit 0 in sync,
/// 1 on drift, 2 when the repository or the instance cannot be read.
/// </summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output, TextWriter error, TokenCredential? credential)
    {
        var service = new ServiceOptions();
        var repository = new RepositoryOption();
        var command = new Command("diff", "Report drift between the repository's policies and fragments and the live instance.") { repository.Option };
        service.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (repository.Resolve(parse, error) is not { } root)
            {
                return ApimPolicyCli.UsageOrInputError;
            }

            var loaded = RepositoryGatewayLoader.Load(root);
            if (loaded.HasErrors)
            {
                foreach (var diagnostic in loaded.Diagnostics.Where(d => d.IsError))
                {
                    await output.WriteLineAsync(diagnostic.ToString());
                }

                return ApimPolicyCli.UsageOrInputError;
            }

            using var client = service.CreateClient(parse, credential, error);
            if (client is null)
            {
                return ApimPolicyCli.UsageOrInputError;
            }

            LiveInstance live;
            try
            {
                live = await new LiveInstanceReader(client).ReadAsync(cancellationToken);
            }
            catch (ArmRequestException e)
            {
                await error.WriteLineAsync($"apim-policy: reading the instance: {e.Message}");
                return ApimPolicyCli.UsageOrInputError;
            }

            var drifts = DriftDetector.Compare(loaded.Blueprint, live);
            foreach (var drift in drifts)
            {
                await output.WriteLineAsync($"{Word(drift.Kind),-20} {drift.Address}");
                foreach (var line in drift.Diff)
                {
                    await output.WriteLineAsync($"                     {line}");
                }
            }

            await error.WriteLineAsync(drifts.Count == 0 ? "In sync: no drift." : $"{drifts.Count} resource(s) drifted.");
            return drifts.Count == 0 ? ApimPolicyCli.Success : ApimPolicyCli.Findings;
        });
        return command;
    }

    private static string Word(DriftKind kind) => kind switch
    {
        DriftKind.MissingLive => "missing live",
        DriftKind.MissingInRepository => "missing in repo",
        _ => "differs",
    };
}
