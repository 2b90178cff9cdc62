using ApimAiGateway.Harness.Services.AzureOpenAi;
using ApimAiGateway.Hosting.Http;

namespace ApimAiGateway.Hosting.Regions;

/// <summary>
/// One simulated Azure OpenAI region served on its own loopback port: the gateway's backends reach it over HTTP, and
/// so can anyone who wants to call the region directly. <see cref="Service"/> is there to script faults and read calls.
/// </summary>
public sealed class SimulatedRegion : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private SimulatedRegion(string code, string host, SimulatedAzureOpenAi service, LoopbackServer server)
    {
        Code = code;
        Host = host;
        Service = service;
        _server = server;
    }

    /// <summary>The region code the backends name, e.g. <c>eastus</c>.</summary>
    public string Code { get; }

    /// <summary>The host the backends address, e.g. <c>aoai-eastus.openai.azure.com</c>.</summary>
    public string Host { get; }

    public SimulatedAzureOpenAi Service { get; }

    /// <summary>Where the region listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address => _server.Address;

    public static async Task<SimulatedRegion> StartAsync(string code, string host, GatewayHostOptions options, CancellationToken cancellationToken)
    {
        var service = new SimulatedAzureOpenAi(new SimulatedAzureOpenAiOptions
        {
            Region = RegionNames.DisplayName(code),
            Deployments = options.Deployments,
            TokensPerMinute = options.TokensPerMinute,
        });
        var endpoint = new SimulatedRegionEndpoint(host, service, TimeProvider.System);

        // Port 0: regions are internal; the startup summary says where each one landed.
        var server = await LoopbackServer.StartAsync(0, endpoint.HandleAsync, cancellationToken)
                     ?? throw new InvalidOperationException("The system found no free loopback port for a simulated region.");
        return new SimulatedRegion(code, host, service, server);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
