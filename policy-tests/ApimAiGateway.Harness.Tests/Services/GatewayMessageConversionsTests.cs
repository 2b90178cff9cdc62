using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Services;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Services;

public sealed class GatewayMessageConversionsTests
{
    [Fact]
    public void A_service_request_becomes_a_gateway_request_with_url_headers_and_body()
    {
        var request = new ServiceRequest(
            "POST",
            new Uri("https://gw.example.com/openai/deployments/gpt/chat/completions?api-version=2024-10-21"),
            ServiceHeaders.Empty.With("Content-Type", "application/json").With("Accept", "a", "b"),
            """{"messages":[]}"""u8);

        var gateway = request.ToGatewayRequest();

        Assert.Equal("POST", gateway.Method);
        Assert.Equal("/openai/deployments/gpt/chat/completions", gateway.Url.Path);
        Assert.Equal("2024-10-21", gateway.Url.Query.GetValueOrDefault("api-version"));
        Assert.Equal("a,b", gateway.Headers.GetValueOrDefault("accept"));
        Assert.NotNull(gateway.Body!.As<JObject>()!["messages"]);
    }

    [Fact]
    public void A_request_without_body_gives_a_null_gateway_body()
    {
        Assert.Null(TestRequests.Get("https://gw.example.com/").ToGatewayRequest().Body);
    }

    [Fact]
    public void A_body_consumed_by_a_policy_goes_out_empty()
    {
        var live = new GatewayRequest("POST", new Url(new Uri("https://backend.example.com/")))
        {
            Body = MessageBody.FromText("payload"),
        };
        _ = live.Body.As<string>();

        Assert.True(live.ToServiceRequest().Body.IsEmpty);
    }

    [Fact]
    public void Responses_convert_both_ways_and_each_gateway_response_is_fresh()
    {
        var response = ServiceResponse.Json("""{"ok":true}""", 429).WithHeader("Retry-After", "10");

        var first = response.ToGatewayResponse();
        _ = first.Body!.As<string>();
        var second = response.ToGatewayResponse();

        Assert.Equal(429, second.StatusCode);
        Assert.Equal("Too Many Requests", second.StatusReason);
        Assert.Equal("10", second.Headers.GetValueOrDefault("retry-after"));
        Assert.Equal("""{"ok":true}""", second.Body!.As<string>());

        var back = second.ToServiceResponse();
        Assert.Equal(429, back.StatusCode);
        Assert.Equal("application/json; charset=utf-8", back.ContentType);
        Assert.True(back.Body.IsEmpty);
    }
}
