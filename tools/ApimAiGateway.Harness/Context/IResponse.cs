namespace ApimAiGateway.Harness.Context;

/// <summary><c>context.Response</c>, and the type a <c>send-request</c> stores in its response variable.</summary>
public interface IResponse
{
    /// <summary>Null when the response has no body, as for requests.</summary>
    IMessageBody? Body { get; }

    IMultiValueDictionary Headers { get; }

    int StatusCode { get; }

    string StatusReason { get; }
}
