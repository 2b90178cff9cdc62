using System.CommandLine;
using ApimAiGateway.Delivery.Planning;
using ApimAiGateway.Delivery.Publishing;
using ApimAiGateway.Harness.Analysis;
using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Policies;
using Azure.Core;

namespace ApimAiGateway.Cli.Commands;

/// <summary>
/// <c>apim-policy publish --subscription ID --resource-group RG --service NAME [--only PATH...] [--what-if]
/// [--named-values FILE] [--environment NAME] [--infra-outputs FILE] [--repository DIR]</c> (docs/delivery.md).
/// </summary>
internal static class PublishCommand
{
    public static Command Create(TextWriter output, TextWriter error, TokenCredential? credential)
    {
        var service = new ServiceOptions();
        var repository = new RepositoryOption();
        var namedValues = new Option<string?>("--named-values") { Description = "The named-values catalog, if not the repository's policies/named-values.json (JSON or YAML)." };
        var environment = EnvironmentOption.Create();
        var only = new Option<string[]>("--only") { Description = "Publish only these files (fragments, policies), nothing else.", AllowMultipleArgumentsPerToken = true };
        var whatIf = new Option<bool>("--what-if") { Description = "Print what would change, resource by resource, and change nothing." };
        var infraOutputs = new Option<string?>("--infra-outputs") { Description = "'pulumi stack output --json' of the infrastructure: the Azure OpenAI accounts backend URLs point at." };
        var noCache = new Option<bool>("--no-cache") { Description = "Compile every expression afresh when linting." };
        var command = new Command("publish", "Lint, then deploy named values, backends, fragments and policies to an API Management instance in dependency order.")
        {
            repository.Option, namedValues, environment, only, whatIf, infraOutputs, noCache,
        };
        service.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (repository.Resolve(parse, error) is not { } root)
            {
                return ApimPolicyCli.UsageOrInputError;
            }

            if (!EnvironmentOption.TryResolve(parse.GetValue(environment), root, error, out _))
            {
                return ApimPolicyCli.UsageOrInputError;
            }

            string? problem = null;
            var accounts = parse.GetValue(infraOutputs) is { } outputsFile ? AccountEndpoints.Load(outputsFile, out problem) : AccountEndpoints.None;
            if (accounts is null)
            {
                await error.WriteLineAsync($"apim-policy: --infra-outputs {problem}");
                return ApimPolicyCli.UsageOrInputError;
            }

            using var client = service.CreateClient(parse, credential, error);
            if (client is null)
            {
                return ApimPolicyCli.UsageOrInputError;
            }

            var compiler = new ExpressionCompiler(ExpressionCompilerOptions.Apim(parse.GetValue(noCache) ? null : CacheLocation.Default()));
            var report = await new Publisher(client, new PolicyLinter(PolicyCatalog.Default, compiler)).PublishAsync(new PublishRequest(root)
            {
                Load = new RepositoryLoadOptions { NamedValuesFile = parse.GetValue(namedValues), Environment = parse.GetValue(environment) },
                Only = parse.GetValue(only) ?? [],
                WhatIf = parse.GetValue(whatIf),
                Accounts = accounts,
            }, cancellationToken);
            PublishReportWriter.Write(report, output);
            return report.Succeeded ? ApimPolicyCli.Success
                : report.Status == PublishStatus.UsageError ? ApimPolicyCli.UsageOrInputError
                : ApimPolicyCli.Findings;
        });
        return command;
    }
}
