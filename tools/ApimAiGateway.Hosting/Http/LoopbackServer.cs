using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ApimAiGateway.Hosting.Http;

/// <summary>
/// A Kestrel server on 127.0.0.1 that hands every request to one delegate: no routing, logging or other middleware,
/// so what a request costs is the delegate's work and HTTP's.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _application;

    private LoopbackServer(WebApplication application, Uri address)
    {
        _application = application;
        Address = address;
    }

    /// <summary>The base address it listens on, with the port the system chose when asked for port 0.</summary>
    public Uri Address { get; }

    /// <returns>The server, or null when <paramref name="port"/> is taken by another listener.</returns>
    public static async Task<LoopbackServer?> StartAsync(int port, RequestDelegate handle, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            kestrel.AddServerHeader = false;
        });
        var application = builder.Build();
        application.Run(handle);
        try
        {
            await application.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            await application.DisposeAsync();
            return null;
        }

        var address = application.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackServer(application, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _application.StopAsync();
        await _application.DisposeAsync();
    }
}
