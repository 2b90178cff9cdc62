using ApimAiGateway.Harness.Services;
using ApimAiGateway.Hosting.Http;
using Microsoft.AspNetCore.Http;

namespace ApimAiGateway.Hosting.Regions;

/// <summary>
/// Serves a simulated service over real HTTP: each request becomes a <see cref="ServiceRequest"/>, and the outcome is
/// written back as it would arrive from the network. A scripted delay is waited out on the real clock, a connection
/// failure aborts the connection, and a call that is never answered stays open until the caller gives up.
/// </summary>
internal sealed class SimulatedRegionEndpoint(string name, IServiceHandler service, TimeProvider clock)
{
    private int _calls;

    public async Task HandleAsync(HttpContext context)
    {
        var cancellationToken = context.RequestAborted;
        var request = new ServiceRequest(context.Request.Method, HttpExchange.AbsoluteUrl(context.Request),
            ServiceHeaders.From(HttpExchange.CopiedHeaders(context.Request.Headers)),
            await HttpExchange.ReadBodyAsync(context.Request, cancellationToken));
        var outcome = await service.HandleAsync(request, new ServiceCallContext(name, Interlocked.Increment(ref _calls), clock), cancellationToken);
        if (outcome.Latency == Timeout.InfiniteTimeSpan)
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (outcome.Latency > TimeSpan.Zero)
        {
            await Task.Delay(outcome.Latency, clock, cancellationToken);
        }

        if (outcome.Response is { } response)
        {
            await HttpExchange.WriteAsync(context, response, cancellationToken);
        }
        else
        {
            context.Abort();
        }
    }
}
