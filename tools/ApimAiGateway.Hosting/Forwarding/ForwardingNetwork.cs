using ApimAiGateway.Harness.Services;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace ApimAiGateway.Hosting.Forwarding;

/// <summary>
/// Puts real HTTP endpoints on the gateway's network: every host mapped here is reached through one
/// <see cref="HttpMessageInvoker"/> made by YARP's <see cref="ForwarderHttpClientFactory"/> (no cookies, redirects,
/// decompression or proxy: the gateway's policies decide those), whether the endpoint is a simulated region on
/// loopback or a real Azure OpenAI resource.
/// </summary>
internal sealed class ForwardingNetwork : IDisposable
{
    private readonly HttpMessageInvoker _invoker = new ForwarderHttpClientFactory().CreateClient(new ForwarderHttpClientContext { NewConfig = HttpClientConfig.Empty });

    /// <summary>Requests the policies send to <paramref name="host"/> go to <paramref name="target"/> instead.</summary>
    public void Route(ServiceRegistry network, string host, Uri target) =>
        network.Map(host, new HttpForwardingService(target, _invoker));

    public void Dispose() => _invoker.Dispose();
}
