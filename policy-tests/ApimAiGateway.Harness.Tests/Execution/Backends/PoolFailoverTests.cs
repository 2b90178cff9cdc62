using ApimAiGateway.Harness.Backends;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services.AzureOpenAi;

namespace ApimAiGateway.Harness.Tests.Execution.Backends;

/// <summary>
/// Regional failover as the backends doc and the backend-pool-load-balancing lab set it up: set-backend-service to a
/// pool, retry around forward-request on 429/503 by status code (apim-reference §4.14, §4.35).
/// </summary>
public sealed class PoolFailoverTests
{
    private const string Chat = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
    private const string Body = """{"messages":[{"role":"user","content":"Hello"}]}""";

    private static readonly CircuitBreakerRule Breaker = new("throttled", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1))
    {
        FailureCount = 1,
        StatusCodeRanges = [(429, 429), (500, 599)],
        AcceptRetryAfter = true,
    };

    private readonly SimulatedAzureOpenAi _east = Region("East US");
    private readonly SimulatedAzureOpenAi _west = Region("West US");

    private static SimulatedAzureOpenAi Region(string name) => new(new SimulatedAzureOpenAiOptions
    {
        Region = name,
        Deployments = new Dictionary<string, string> { ["gpt-4o"] = "gpt-4o" },
    });

    /// <summary>The simulated regions want credentials; the caller's api-key is forwarded as is.</summary>
    private static GatewayCall Call() => GatewayCall.PostJson(Chat, Body).WithHeader("api-key", "caller-key");

    private SimulatedGateway Gateway()
    {
        var builder = new GatewayBuilder()
            .WithApi("openai", "openai", "https://unused.invalid/openai", subscriptionRequired: false)
            .WithBackend(new BackendDefinition("east", BackendKind.Single, new Uri("https://aoai-east.test/openai")) { CircuitBreaker = Breaker, AzureRegion = "eastus" })
            .WithBackend(new BackendDefinition("west", BackendKind.Single, new Uri("https://aoai-west.test/openai")) { CircuitBreaker = Breaker, AzureRegion = "westus" })
            .WithBackend(new BackendDefinition("regions", BackendKind.Pool, null) { Members = [new("east", 1, 1), new("west", 2, 1)] })
            .WithGlobalPolicy("""
                <policies>
                  <inbound><set-backend-service backend-id="regions" /></inbound>
                  <backend>
                    <retry condition="@(context.Response.StatusCode == 429 || context.Response.StatusCode == 503)" count="2" interval="0" first-fast-retry="true">
                      <forward-request buffer-request-body="true" />
                    </retry>
                  </backend>
                  <outbound><set-header name="x-served-by" exists-action="override"><value>@(context.Backend.Id + "/" + context.Backend.AzureRegion)</value></set-header></outbound>
                  <on-error />
                </policies>
                """);
        builder.Network.Map("aoai-east.test", _east);
        builder.Network.Map("aoai-west.test", _west);
        return builder.Build();
    }

    [Fact]
    public async Task A_429_from_the_primary_region_trips_its_breaker_and_the_retry_fails_over_to_the_next_priority()
    {
        var gateway = Gateway();
        _east.Faults.FailNext(1, SimulatedFault.Status(429, TimeSpan.FromSeconds(20)));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("west/westus", result.Header("x-served-by"));
        Assert.Equal(["aoai-east.test", "aoai-west.test"], result.BackendCalls.Select(c => c.Request.Uri.Host));
        Assert.Equal(Body, System.Text.Encoding.UTF8.GetString(result.BackendCalls[1].Request.Body.Span));
    }

    [Fact]
    public async Task The_primary_takes_traffic_back_once_its_retry_after_has_passed()
    {
        var gateway = Gateway();
        _east.Faults.FailNext(1, SimulatedFault.Status(429, TimeSpan.FromSeconds(20)));
        await gateway.SendAsync(Call());

        gateway.VirtualClock!.Advance(TimeSpan.FromSeconds(19));
        var during = await gateway.SendAsync(Call());
        gateway.VirtualClock.Advance(TimeSpan.FromSeconds(1));
        var after = await gateway.SendAsync(Call());

        Assert.Equal("west/westus", during.Header("x-served-by"));
        Assert.Equal("east/eastus", after.Header("x-served-by"));
        Assert.Equal((200, 200), (during.StatusCode, after.StatusCode));
    }

    [Fact]
    public async Task A_pool_whose_every_member_is_tripped_answers_503()
    {
        var gateway = Gateway();
        _east.Faults.FailNext(5, SimulatedFault.Status(503));
        _west.Faults.FailNext(5, SimulatedFault.Status(503));

        await gateway.SendAsync(Call());
        var result = await gateway.SendAsync(Call());

        Assert.Equal(503, result.StatusCode);
        Assert.Equal("BackendUnavailable", result.LastError!.Reason);
        Assert.Empty(result.BackendCalls);
        Assert.Equal("60", result.Header("Retry-After"));
    }
}
