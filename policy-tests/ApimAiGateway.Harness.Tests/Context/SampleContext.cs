using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Tests.Context;

/// <summary>A request context with known values for the call-shape tests; each call builds a fresh one.</summary>
internal static class SampleContext
{
    public static readonly string Token = TestTokens.Mint("""{"sub":"alice","iss":"https://issuer.test","aud":["api://one","api://two"]}""");

    public static ExpressionContext Create()
    {
        Assert.True(Url.TryParse("https://api.contoso.test:8443/orders/42?v=2&tag=a&tag=b", out var url));
        var request = new GatewayRequest("POST", url)
        {
            MatchedParameters = new MatchedParameters([new("id", "42")]),
            Body = MessageBody.FromText("""{"model":"gpt-4o"}""", "application/json"),
        };
        request.Headers.Set("Authorization", "Bearer " + Token);
        request.Headers.Set("X-Multi", "a", "b");

        var context = new ExpressionContext(request)
        {
            Response = new GatewayResponse { Body = MessageBody.FromText("[1,2,3]", "application/json") },
        };
        context.Variables.Set("n", 5);
        context.Variables.Set("x", "hello");
        context.Variables.Set("r", new GatewayResponse { StatusCode = 201, Body = MessageBody.FromText("""<order id="42"/>""") });
        context.Variables.Set("f", new GatewayResponse { Body = MessageBody.FromText("a=1&b=x+y&a=2") });
        return context;
    }
}
