using System.CommandLine;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Hosting;
using ApimAiGateway.Hosting.Logging;

namespace ApimAiGateway.Cli.Commands;

/// <summary>
/// <c>apim-policy serve</c>: the repository's policies as a real HTTP gateway on 127.0.0.1, in front of simulated
/// Azure OpenAI regions (or real endpoints given with --endpoint), until Ctrl+C. Exit codes: 1 when a policy or
/// repository file is wrong (located diagnostics), 2 for bad options or a taken port.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var repository = new Option<string?>("--repository") { Description = "The repository to serve (default: the one around the current directory)." };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0 picks a free one).", DefaultValueFactory = _ => GatewayHostOptions.DefaultPort };
        var subscriptions = new Option<string?>("--subscriptions") { Description = $"Subscription keys per product (default: {GatewayHostOptions.DefaultSubscriptionsFile} at the repository root, created with random keys)." };
        var endpoints = new Option<string[]>("--endpoint") { Description = "REGION=URL: serve a region from a real Azure OpenAI endpoint instead of a simulated one (repeatable)." };
        var deployments = new Option<string[]>("--deployment") { Description = "NAME=MODEL: a deployment of the simulated regions (repeatable; replaces the defaults)." };
        var tokensPerMinute = new Option<int>("--tokens-per-minute") { Description = "Each simulated region's capacity; past it the region answers 429.", DefaultValueFactory = _ => 100_000 };
        var environment = EnvironmentOption.Create();
        var noCache = new Option<bool>("--no-cache") { Description = "Compile every expression afresh and leave the cache alone." };

        var command = new Command("serve", "Run the repository's policies as an HTTP gateway on 127.0.0.1 in front of simulated (or real) Azure OpenAI regions.")
        {
            repository, environment, port, subscriptions, endpoints, deployments, tokensPerMinute, noCache,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (RepositoryRoot.Find(parse.GetValue(repository) ?? Environment.CurrentDirectory) is not { } root)
            {
                await error.WriteLineAsync("apim-policy: no repository (a directory holding 'policies/') at or above the given directory; pass --repository.");
                return ApimPolicyCli.UsageOrInputError;
            }

            if (!EnvironmentOption.TryResolve(parse.GetValue(environment), root, error, out _))
            {
                return ApimPolicyCli.UsageOrInputError;
            }

            var problems = new List<string>();
            var defaults = new GatewayHostOptions { RepositoryRoot = root };
            var options = defaults with
            {
                Environment = parse.GetValue(environment),
                Port = parse.GetValue(port),
                SubscriptionsFile = parse.GetValue(subscriptions),
                Endpoints = Pairs(parse.GetValue(endpoints), "--endpoint takes REGION=URL", problems, text => Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null),
                Deployments = parse.GetValue(deployments) is { Length: > 0 } given ? Pairs(given, "--deployment takes NAME=MODEL", problems, model => model) : defaults.Deployments,
                TokensPerMinute = parse.GetValue(tokensPerMinute),
                CompilationCacheDirectory = parse.GetValue(noCache) ? null : CacheLocation.Default(),
            };
            if (problems.Count > 0)
            {
                return await Refuse(error, problems, ApimPolicyCli.UsageOrInputError);
            }

            var started = await GatewayHost.StartAsync(options, output, cancellationToken);
            foreach (var diagnostic in started.Diagnostics)
            {
                await error.WriteLineAsync(diagnostic.ToString());
            }

            if (started.Host is not { } host)
            {
                return await Refuse(error, started.Problems, started.Diagnostics.Any(d => d.IsError) ? ApimPolicyCli.Findings : ApimPolicyCli.UsageOrInputError);
            }

            await using (host)
            {
                StartupSummary.Write(output, host);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    await output.WriteLineAsync("apim-policy serve: stopped.");
                }
            }

            return ApimPolicyCli.Success;
        });
        return command;
    }

    /// <summary>NAME=VALUE arguments; a malformed one is a problem, named by <paramref name="usage"/>.</summary>
    private static Dictionary<string, T> Pairs<T>(string[]? arguments, string usage, List<string> problems, Func<string, T?> convert)
        where T : class
    {
        var pairs = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var argument in arguments ?? [])
        {
            var separator = argument.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0 || convert(argument[(separator + 1)..].Trim()) is not { } value)
            {
                problems.Add($"{usage}; got '{argument}'.");
                continue;
            }

            pairs[argument[..separator].Trim()] = value;
        }

        return pairs;
    }

    private static async Task<int> Refuse(TextWriter error, IEnumerable<string> problems, int exitCode)
    {
        foreach (var problem in problems)
        {
            await error.WriteLineAsync($"apim-policy: {problem}");
        }

        return exitCode;
    }
}
