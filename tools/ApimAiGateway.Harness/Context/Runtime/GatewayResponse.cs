namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>
/// A response: the one being returned to the caller, or one a <c>send-request</c> stores in a variable.
/// It starts as an empty 200 so that <c>context.Response</c> exists before the backend answers.
/// </summary>
public sealed class GatewayResponse : IResponse
{
    public int StatusCode { get; set; } = 200;

    public string StatusReason { get; set; } = "OK";

    public MultiValueDictionary Headers { get; } = MultiValueDictionary.ForHeaders();

    /// <summary>Null when the response has no body.</summary>
    public MessageBody? Body { get; set; }

    IMessageBody? IResponse.Body => Body;

    IMultiValueDictionary IResponse.Headers => Headers;
}
