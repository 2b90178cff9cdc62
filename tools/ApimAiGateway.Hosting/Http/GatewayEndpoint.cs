using System.Diagnostics;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Hosting.Logging;
using Microsoft.AspNetCore.Http;

namespace ApimAiGateway.Hosting.Http;

/// <summary>
/// The gateway's HTTP front door: each request runs through the policies as APIM would run it (routing, keys,
/// inbound, backend, outbound, on-error), the answer is written back (a relayed stream event by event), and one line
/// is logged when it has all gone out.
/// </summary>
internal sealed class GatewayEndpoint(SimulatedGateway gateway, SubscriptionKeys keys, TextWriter log)
{
    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        var call = new GatewayCall(request.Method, HttpExchange.AbsoluteUrl(request).AbsoluteUri)
        {
            Headers = [.. HttpExchange.CopiedHeaders(request.Headers).SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))],
            Body = await HttpExchange.ReadBodyAsync(request, context.RequestAborted),
            IpAddress = context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1",
        };
        var result = await gateway.SendAsync(call, context.RequestAborted);
        await (result.LiveBody is { } live
            ? HttpExchange.WriteAsync(context, result.StatusCode, result.StatusReason, result.Headers, live, context.RequestAborted)
            : HttpExchange.WriteAsync(context, result.StatusCode, result.StatusReason, result.Headers, result.Body, context.RequestAborted));

        // Written once the body has all gone out, so a stream's line has the tokens of its usage chunk.
        var line = RequestLogLine.From(request.Method, request.Path.ToUriComponent(), result, keys.SubscriptionOf(request), Stopwatch.GetElapsedTime(started));
        await log.WriteLineAsync(line.ToString());
        if (result.HarnessError is { } problem)
        {
            await log.WriteLineAsync($"  not emulated: {problem}");
        }
    }
}
