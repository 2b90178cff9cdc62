using System.Security.Cryptography.X509Certificates;

namespace ApimAiGateway.Harness.Context;

/// <summary><c>context.Request</c>: the current, possibly rewritten, request.</summary>
public interface IRequest
{
    /// <summary>Null when the request has no body ("API Management policy expressions", IRequest).</summary>
    IMessageBody? Body { get; }

    /// <summary>Client certificate; null when none was presented.</summary>
    X509Certificate2? Certificate { get; }

    IMultiValueDictionary Headers { get; }

    string IpAddress { get; }

    /// <summary>Values of the matched operation's URL template parameters.</summary>
    IMatchedParameters MatchedParameters { get; }

    string Method { get; }

    /// <summary>The URL as received, before any rewrite.</summary>
    IUrl OriginalUrl { get; }

    /// <summary>The current URL, after rewrites.</summary>
    IUrl Url { get; }

    /// <summary>Null unless the request came through a private endpoint.</summary>
    IPrivateEndpointConnection? PrivateEndpointConnection { get; }
}
