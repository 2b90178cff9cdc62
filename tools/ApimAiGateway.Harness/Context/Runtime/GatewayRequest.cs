using System.Security.Cryptography.X509Certificates;

namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>The request as the gateway holds it while policies run; policies mutate it, expressions read it.</summary>
public sealed class GatewayRequest(string method, Url url) : IRequest
{
    public string Method { get; set; } = method;

    public Url Url { get; set; } = url;

    /// <summary>A snapshot of the URL as received, unaffected by later rewrites of <see cref="Url"/>.</summary>
    public Url OriginalUrl { get; } = url.Clone();

    public MultiValueDictionary Headers { get; } = MultiValueDictionary.ForHeaders();

    /// <summary>Null when the request has no body.</summary>
    public MessageBody? Body { get; set; }

    public string IpAddress { get; init; } = "";

    public X509Certificate2? Certificate { get; init; }

    public MatchedParameters MatchedParameters { get; init; } = MatchedParameters.None;

    public IPrivateEndpointConnection? PrivateEndpointConnection { get; init; }

    IMessageBody? IRequest.Body => Body;

    IMultiValueDictionary IRequest.Headers => Headers;

    IMatchedParameters IRequest.MatchedParameters => MatchedParameters;

    IUrl IRequest.OriginalUrl => OriginalUrl;

    IUrl IRequest.Url => Url;
}
