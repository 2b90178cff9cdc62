using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Tests.Services;

public sealed class ServiceCallLogTests
{
    [Fact]
    public async Task Records_requests_and_outcomes_per_host_in_order()
    {
        var registry = new ServiceRegistry()
            .Map("a.example.com", _ => ServiceResponse.Status(200))
            .Map("b.example.com", _ => ServiceResponse.Status(201));

        await registry.SendAsync(TestRequests.Get("https://a.example.com/1"));
        await registry.SendAsync(TestRequests.Get("https://b.example.com/2"));
        await registry.SendAsync(TestRequests.Post("https://a.example.com/3"));

        Assert.Equal(["GET /1", "POST /3"], registry.Calls.ForHost("A.example.com").Select(call => $"{call.Request.Method} {call.Request.Uri.AbsolutePath}"));
        Assert.Equal([201], registry.Calls.ForService("b.example.com").Select(call => call.Outcome.Response!.StatusCode));
        Assert.Equal([1L, 2L, 3L], registry.Calls.All.Select(call => call.Sequence));
    }

    [Fact]
    public async Task Recorded_headers_and_body_do_not_change_when_the_gateway_message_changes_afterwards()
    {
        var registry = new ServiceRegistry().Map("backend.example.com", _ => ServiceResponse.Status(200));
        var live = new GatewayRequest("POST", new Url(new Uri("https://backend.example.com/chat?api-version=1")))
        {
            Body = MessageBody.FromText("""{"prompt":"hi"}""", "application/json"),
        };
        live.Headers.Set("api-key", "secret-1");
        live.Headers.Set("Content-Type", "application/json");

        await registry.SendAsync(live.ToServiceRequest());
        live.Headers.Set("api-key", "secret-2");
        live.Headers.Append("x-added", "later");
        live.Body = MessageBody.FromText("changed");
        live.Url.Path = "/elsewhere";

        var sent = Assert.Single(registry.Calls.ForHost("backend.example.com")).Request;
        Assert.Equal("secret-1", sent.Headers.GetValueOrDefault("API-KEY"));
        Assert.False(sent.Headers.ContainsKey("x-added"));
        Assert.Equal("""{"prompt":"hi"}""", sent.BodyText);
        Assert.Equal("https://backend.example.com/chat?api-version=1", sent.Uri.ToString());
    }

    [Fact]
    public void A_request_snapshot_copies_the_bytes_it_is_given()
    {
        var bytes = "abc"u8.ToArray();
        var request = new ServiceRequest("POST", new Uri("https://a.example.com/"), body: bytes);

        bytes[0] = (byte)'z';

        Assert.Equal("abc", request.BodyText);
    }

    [Fact]
    public async Task Clear_forgets_earlier_calls()
    {
        var registry = new ServiceRegistry().Map("a.example.com", _ => ServiceResponse.Status(200));
        await registry.SendAsync(TestRequests.Get("https://a.example.com/"));

        registry.Calls.Clear();
        await registry.SendAsync(TestRequests.Get("https://a.example.com/again"));

        Assert.Equal("/again", Assert.Single(registry.Calls.All).Request.Uri.AbsolutePath);
    }

    [Fact]
    public async Task Concurrent_calls_are_all_recorded_in_sending_order()
    {
        var registry = new ServiceRegistry().Map("a.example.com", new DelegateServiceHandler(async (_, _, _) =>
        {
            await Task.Yield();
            return ServiceResponse.Status(200);
        }));

        await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(async () => await registry.SendAsync(TestRequests.Get($"https://a.example.com/{i}")))));

        var sequences = registry.Calls.All.Select(call => call.Sequence).ToArray();
        Assert.Equal(Enumerable.Range(1, 50).Select(i => (long)i), sequences);
    }
}
