using System.CommandLine;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Scenarios.Reporting;
using ApimAiGateway.Harness.Scenarios.Requests;
using ApimAiGateway.Harness.Services.Files;
using Newtonsoft.Json;

namespace ApimAiGateway.Cli.Commands;

/// <summary>
/// <c>apim-policy run --request FILE</c>: one request through the policies given (or the repository around the
/// current directory when none are), printing the answer, variables, backend calls and trace.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var request = new Option<string>("--request") { Description = "The request: JSON with method, url, headers, body, subscription, product, user, ip.", Required = true };
        var global = new Option<string?>("--global") { Description = "Global policy file." };
        var product = new Option<string?>("--product") { Description = "Product policy file." };
        var api = new Option<string?>("--api") { Description = "API policy file." };
        var operation = new Option<string?>("--operation") { Description = "Operation policy file." };
        var fragments = new Option<string[]>("--fragments") { Description = "Directories of fragments the policies include." };
        var namedValues = new Option<string?>("--named-values") { Description = "Named values (JSON or YAML)." };
        var environment = EnvironmentOption.Create();
        var services = new Option<string?>("--services") { Description = "Simulated backends and services (docs/services-file.md)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var noCache = new Option<bool>("--no-cache") { Description = "Compile every expression afresh and leave the cache alone." };

        var command = new Command("run", "Run one request through the policies and show what the gateway did.")
        {
            request, global, product, api, operation, fragments, namedValues, environment, services, format, noCache,
        };
        command.SetAction(async parse =>
        {
            var (definition, problems) = RequestFileLoader.Load(parse.GetValue(request)!);
            var servicesFile = parse.GetValue(services) is { } servicesPath ? ServicesFileLoader.Load(servicesPath) : null;
            if (definition is null)
            {
                return await Fail(error, problems, ApimPolicyCli.UsageOrInputError);
            }

            // The repository of the first policy file named, else the one around the current directory.
            var firstFile = new[] { global, product, api, operation }.Select(o => parse.GetValue(o)).FirstOrDefault(f => f is not null);
            var repositoryRoot = RepositoryRoot.Find(firstFile ?? Environment.CurrentDirectory);
            if (!EnvironmentOption.TryResolve(parse.GetValue(environment), repositoryRoot, error, out var environmentFile))
            {
                return ApimPolicyCli.UsageOrInputError;
            }

            var files = new PolicyFileSelection
            {
                Global = parse.GetValue(global),
                Product = parse.GetValue(product),
                Api = parse.GetValue(api),
                Operation = parse.GetValue(operation),
                NamedValuesFile = EnvironmentOption.Catalog(parse.GetValue(namedValues), environmentFile, repositoryRoot),
                EnvironmentFile = environmentFile,
                FragmentDirectories = parse.GetValue(fragments) ?? [],
            };
            var runner = new RequestRunner(parse.GetValue(noCache) ? null : CacheLocation.Default());
            RequestRunResult run;
            if (!files.IsEmpty)
            {
                run = await runner.RunAsync(definition, files, servicesFile);
            }
            else if (repositoryRoot is { } root)
            {
                var repository = RepositoryGatewayLoader.Load(root, new RepositoryLoadOptions
                {
                    NamedValuesFile = parse.GetValue(namedValues),
                    Environment = parse.GetValue(environment),
                    FragmentDirectories = files.FragmentDirectories,
                });
                run = await runner.RunAsync(definition, repository, servicesFile);
            }
            else
            {
                await error.WriteLineAsync("apim-policy: name the policy files (--global, --product, --api, --operation) or run inside a repository.");
                return ApimPolicyCli.UsageOrInputError;
            }

            if (run.Result is not { } result)
            {
                return await Fail(error, run.Diagnostics, run.PoliciesHaveErrors ? ApimPolicyCli.Findings : ApimPolicyCli.UsageOrInputError);
            }

            foreach (var warning in run.Diagnostics)
            {
                await error.WriteLineAsync(warning.ToString());
            }

            Write(output, result, parse.GetValue(format)!);
            return ApimPolicyCli.Success;
        });
        return command;
    }

    private static void Write(TextWriter output, GatewayResult result, string format)
    {
        if (format == "json")
        {
            output.WriteLine(GatewayResultFormatter.ToJson(result).ToString(Formatting.Indented));
        }
        else
        {
            GatewayResultFormatter.WriteText(output, result);
        }
    }

    private static async Task<int> Fail(TextWriter error, IEnumerable<Harness.Diagnostics.Diagnostic> diagnostics, int exitCode)
    {
        foreach (var diagnostic in diagnostics)
        {
            await error.WriteLineAsync(diagnostic.ToString());
        }

        return exitCode;
    }
}
