using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Templates;

namespace ApimAiGateway.Harness.Tests.Templates;

/// <summary>Builds render requests over a request or response with a given body; each call is a fresh context.</summary>
internal static class LiquidMessages
{
    public static readonly LiquidTemplateRenderer Renderer = new();

    public static ExpressionContext NewContext(string? requestBody = null, string? requestContentType = null)
    {
        Assert.True(Url.TryParse("https://api.contoso.test:8443/orders/42?v=2&tag=a&tag=b", out var url));
        var request = new GatewayRequest("POST", url)
        {
            IpAddress = "203.0.113.7",
            MatchedParameters = new MatchedParameters([new("orderId", "42")]),
            Body = requestBody is null ? null : MessageBody.FromText(requestBody),
        };
        if (requestContentType is not null)
        {
            request.Headers.Set("Content-Type", requestContentType);
        }

        return new ExpressionContext(request);
    }

    public static LiquidRenderResult RenderRequest(string template, string? body = null, string contentType = "application/json") =>
        Renderer.Render(new LiquidRenderRequest(template, NewContext(body, contentType), LiquidMessage.Request));

    /// <summary>The output of a render that must succeed (the failure reason is shown otherwise).</summary>
    public static string Rendered(string template, string? body = null, string contentType = "application/json")
    {
        var result = RenderRequest(template, body, contentType);
        Assert.True(result.Succeeded, result.Failure);
        return result.Output;
    }
}
