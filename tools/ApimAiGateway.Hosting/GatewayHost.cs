using ApimAiGateway.Harness.Backends;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Identity;
using ApimAiGateway.Hosting.Forwarding;
using ApimAiGateway.Hosting.Http;
using ApimAiGateway.Hosting.Identity;
using ApimAiGateway.Hosting.Logging;
using ApimAiGateway.Hosting.Regions;
using ApimAiGateway.Hosting.Subscriptions;

namespace ApimAiGateway.Hosting;

/// <summary>
/// A repository's policies served as a real HTTP gateway on 127.0.0.1, in front of simulated Azure OpenAI regions
/// (each on its own loopback port) or real endpoints. Everything is read, checked and compiled before anything
/// listens, so a wrong policy or file stops the start with located diagnostics and leaves no port open.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    /// <summary>The product subscriptions are for when the repository defines none; it contains every API.</summary>
    public const string ImplicitProduct = "all-apis";

    private readonly LoopbackServer _server;
    private readonly ForwardingNetwork _network;

    private GatewayHost(LoopbackServer server, ForwardingNetwork network, GatewayHostDescription description)
    {
        _server = server;
        _network = network;
        Description = description;
    }

    /// <summary>Where the gateway listens, e.g. <c>http://127.0.0.1:5080/</c>.</summary>
    public Uri Address => _server.Address;

    /// <summary>What is served: APIs, products, subscriptions, backends and where the regions are.</summary>
    public GatewayHostDescription Description { get; }

    public IReadOnlyList<SimulatedRegion> Regions => Description.Regions;

    public SimulatedRegion Region(string code) => Regions.Single(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <param name="log">Receives one line per request.</param>
    public static async Task<GatewayStartResult> StartAsync(GatewayHostOptions options, TextWriter log, CancellationToken cancellationToken = default)
    {
        if (options.Validate() is { Count: > 0 } invalid)
        {
            return new GatewayStartResult { Failure = GatewayStartFailure.Configuration, Problems = invalid };
        }

        var (prepared, refusal) = Prepare(options);
        if (prepared is null)
        {
            return refusal!;
        }

        var network = new ForwardingNetwork();
        var (regions, endpoints) = await ConnectRegionsAsync(prepared, options, network, cancellationToken);
        var front = new GatewayEndpoint(prepared.Gateway, new SubscriptionKeys(prepared.Blueprint.Apis, prepared.Subscriptions.Subscriptions), TextWriter.Synchronized(log));
        if (await LoopbackServer.StartAsync(options.Port, front.HandleAsync, cancellationToken) is not { } server)
        {
            foreach (var region in regions)
            {
                await region.DisposeAsync();
            }

            network.Dispose();
            return new GatewayStartResult
            {
                Failure = GatewayStartFailure.PortInUse,
                Diagnostics = prepared.Diagnostics,
                Problems = [$"Port {options.Port} on 127.0.0.1 is already in use; stop what listens there or choose another with --port."],
            };
        }

        var description = new GatewayHostDescription
        {
            RepositoryRoot = options.RepositoryRoot,
            Apis = prepared.Blueprint.Apis,
            Products = prepared.Products,
            Subscriptions = prepared.Subscriptions.Subscriptions,
            SubscriptionsFile = options.SubscriptionsPath,
            SubscriptionsCreated = prepared.Subscriptions.Created,
            CallerTokensFile = prepared.CallerTokensFile,
            Backends = prepared.Blueprint.Backends,
            Regions = regions,
            Endpoints = endpoints,
            Deployments = options.Deployments,
        };
        return new GatewayStartResult { Host = new GatewayHost(server, network, description), Diagnostics = prepared.Diagnostics };
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var region in Regions)
        {
            await region.DisposeAsync();
        }

        _network.Dispose();
    }

    /// <summary>Reads, checks and compiles everything, before anything listens; on any error says why instead.</summary>
    private static (PreparedGateway? Prepared, GatewayStartResult? Refusal) Prepare(GatewayHostOptions options)
    {
        var loaded = RepositoryGatewayLoader.Load(options.RepositoryRoot, new RepositoryLoadOptions { Environment = options.Environment });
        var diagnostics = new List<Diagnostic>(loaded.Diagnostics);
        var blueprint = loaded.Blueprint;
        var products = blueprint.Products.Count == 0 ? [ImplicitProduct] : blueprint.Products.Select(p => p.Id).ToList();
        var subscriptions = loaded.HasErrors ? null : LocalSubscriptionsFile.LoadOrCreate(options.SubscriptionsPath, products);
        diagnostics.AddRange(subscriptions?.Diagnostics ?? []);
        var regionHosts = RegionHosts(blueprint.Backends);
        var unknownEndpoints = options.Endpoints.Keys.Where(code => !regionHosts.Any(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase))).ToList();
        if (subscriptions is null || diagnostics.Any(d => d.IsError) || unknownEndpoints.Count > 0)
        {
            return (null, new GatewayStartResult
            {
                Failure = GatewayStartFailure.Configuration,
                Diagnostics = diagnostics,
                Problems = [.. unknownEndpoints.Select(code => $"--endpoint names region '{code}', which no backend in policies/backends.json uses; they use: {string.Join(", ", regionHosts.Select(r => r.Code).DefaultIfEmpty("(none)"))}.")],
            });
        }

        try
        {
            var gateway = Build(blueprint, options, subscriptions.Subscriptions);

            // The gateway's managed identity and Microsoft Entra ID stay simulated even in front of real regions: serve
            // runs on a developer's machine, which has neither the gateway's identity nor its tenant's signing keys.
            var entraId = new SimulatedEntraId(TimeProvider.System);
            entraId.MapOn(gateway.Services.Network);
            string? tokensFile = null;
            if (LocalCallerProfile.From(blueprint.NamedValues) is { } profile)
            {
                tokensFile = options.CallerTokensPath;
                if (LocalCallerTokens.Write(tokensFile, LocalCallerTokens.Issue(entraId, profile, subscriptions.Subscriptions)) is { } problem)
                {
                    return (null, new GatewayStartResult { Failure = GatewayStartFailure.Configuration, Diagnostics = diagnostics, Problems = [problem] });
                }
            }

            return (new PreparedGateway(gateway, blueprint, products, subscriptions, regionHosts, tokensFile, diagnostics), null);
        }
        catch (GatewayBuildException e)
        {
            return (null, new GatewayStartResult { Failure = GatewayStartFailure.Configuration, Diagnostics = [.. diagnostics, .. e.Diagnostics] });
        }
    }

    /// <summary>Puts each region on the gateway's network: a real endpoint when one is given, else a simulated region on loopback.</summary>
    private static async Task<(List<SimulatedRegion> Regions, Dictionary<string, Uri> Endpoints)> ConnectRegionsAsync(
        PreparedGateway prepared, GatewayHostOptions options, ForwardingNetwork network, CancellationToken cancellationToken)
    {
        var regions = new List<SimulatedRegion>();
        var endpoints = new Dictionary<string, Uri>(StringComparer.OrdinalIgnoreCase);
        var services = prepared.Gateway.Services.Network;
        foreach (var (code, host) in prepared.RegionHosts)
        {
            if (options.Endpoints.TryGetValue(code, out var endpoint))
            {
                network.Route(services, host, endpoint);
                endpoints[code] = endpoint;
                continue;
            }

            var region = await SimulatedRegion.StartAsync(code, host, options, cancellationToken);
            regions.Add(region);
            network.Route(services, host, region.Address);
        }

        return (regions, endpoints);
    }

    private static SimulatedGateway Build(GatewayBlueprint blueprint, GatewayHostOptions options, IReadOnlyList<LocalSubscription> subscriptions)
    {
        var builder = blueprint.CreateBuilder(TimeProvider.System);
        if (blueprint.Products.Count == 0)
        {
            builder.WithProduct(ImplicitProduct);
        }

        if (options.CompilationCacheDirectory is { } cache)
        {
            builder.WithCompilationCache(cache);
        }

        foreach (var subscription in subscriptions)
        {
            builder.WithSubscription(new SubscriptionDefinition(subscription.Id, subscription.Key, subscription.ProductId));
        }

        return builder.Build();
    }

    /// <summary>The regional Azure OpenAI accounts the backends address (<c>${account:&lt;region&gt;}</c>), one per host.</summary>
    private static IReadOnlyList<(string Code, string Host)> RegionHosts(IReadOnlyList<BackendDefinition> backends) =>
        [.. backends
            .Where(b => b is { Kind: BackendKind.Single, Url: not null, AzureRegion: not null })
            .Select(b => (Code: b.AzureRegion!, b.Url!.Host))
            .DistinctBy(r => r.Host, StringComparer.OrdinalIgnoreCase)];
}
