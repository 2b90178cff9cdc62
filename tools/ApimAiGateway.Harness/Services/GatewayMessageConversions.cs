using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Services;

/// <summary>
/// Moves messages between the gateway's live, mutable model and the simulated network's snapshots. Bodies travel
/// as the gateway would put them on the wire: a body a policy consumed without <c>preserveContent</c> goes out empty.
/// </summary>
public static class GatewayMessageConversions
{
    public static ServiceRequest ToServiceRequest(this GatewayRequest request) =>
        new(request.Method, new Uri(request.Url.ToString()), ServiceHeaders.From(request.Headers), BodyOf(request.Body));

    public static GatewayRequest ToGatewayRequest(this ServiceRequest request)
    {
        var gatewayRequest = new GatewayRequest(request.Method, new Url(request.Uri)) { Body = MessageBodyOf(request) };
        CopyHeaders(request.Headers, gatewayRequest.Headers);
        return gatewayRequest;
    }

    public static ServiceResponse ToServiceResponse(this GatewayResponse response) =>
        new(response.StatusCode, ServiceHeaders.From(response.Headers), BodyOf(response.Body), response.StatusReason);

    /// <summary>A fresh gateway response each time, since the gateway mutates and consumes what it is given.</summary>
    public static GatewayResponse ToGatewayResponse(this ServiceResponse response)
    {
        var gatewayResponse = new GatewayResponse
        {
            StatusCode = response.StatusCode,
            StatusReason = response.ReasonPhrase,
            Body = MessageBodyOf(response),
        };
        CopyHeaders(response.Headers, gatewayResponse.Headers);
        return gatewayResponse;
    }

    private static ReadOnlySpan<byte> BodyOf(MessageBody? body) => body is null ? default : body.Content.Span;

    // The gateway model tells "no body" (null) from an empty one; on the wire both are zero bytes, read as no body.
    // A body still arriving stays so: whoever reads it waits for it then.
    private static MessageBody? MessageBodyOf(ServiceMessage message) =>
        message.Live is { HasEnded: false } live ? new MessageBody(live, message.ContentType)
        : message.Body.IsEmpty ? null : new MessageBody(message.Body.ToArray(), message.ContentType);

    private static void CopyHeaders(ServiceHeaders from, MultiValueDictionary to)
    {
        foreach (var (name, values) in from)
        {
            to.Set(name, [.. values]);
        }
    }
}
