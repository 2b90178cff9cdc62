using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// The message a body-editing policy works on: the request in inbound and backend, the response in outbound and
/// on-error (and inside return-response), as set-body does (apim-reference §4.4).
/// </summary>
internal static class CurrentMessage
{
    public static MultiValueDictionary Headers(PolicyExecutionContext context) =>
        context.ActsOnResponse ? context.Response.Headers : context.Request.Headers;

    public static MessageBody? Body(PolicyExecutionContext context) =>
        context.ActsOnResponse ? context.Response.Body : context.Request.Body;

    public static string Name(PolicyExecutionContext context) => context.ActsOnResponse ? "response" : "request";

    /// <summary>Replaces the body and, when given, the Content-Type header that describes it.</summary>
    public static void SetBody(PolicyExecutionContext context, byte[] content, string? contentType = null)
    {
        var headers = Headers(context);
        if (contentType is not null)
        {
            headers.Set("Content-Type", contentType);
        }

        var body = new MessageBody(content, headers.GetValueOrDefault("Content-Type"));
        if (context.ActsOnResponse)
        {
            context.Response.Body = body;
        }
        else
        {
            context.Request.Body = body;
        }
    }
}
