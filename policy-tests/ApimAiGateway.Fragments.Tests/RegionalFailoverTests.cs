using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;
using ApimAiGateway.Harness.Services.AzureOpenAi;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// regional-failover (backend) with retry-after-cap (outbound) over the repository's own backends
/// (policies/backends.json: aoai-pool = East US first, then Sweden Central and West US). Retry is by status code
/// (apim-reference §4.14 retry; "Backends" learn page: circuit breaker and pool failover, §4.35).
/// </summary>
public sealed class RegionalFailoverTests
{
    private const string Chat = "/openai/deployments/gpt-4o/chat/completions?api-version=2024-10-21";
    private const string Body = """{"messages":[{"role":"user","content":"Hello"}]}""";
    private const string OneDay = "86400";

    private readonly Dictionary<string, SimulatedAzureOpenAi> _regions = new()
    {
        ["eastus"] = Region("East US"),
        ["swedencentral"] = Region("Sweden Central"),
        ["westus"] = Region("West US"),
    };

    private static SimulatedAzureOpenAi Region(string name) => new(new SimulatedAzureOpenAiOptions
    {
        Region = name,
        Deployments = new Dictionary<string, string> { ["gpt-4o"] = "gpt-4o" },
    });


    private static GatewayCall Call() => GatewayCall.PostJson(Chat, Body).WithHeader("api-key", "caller-key");

    private SimulatedGateway Gateway(IReadOnlyDictionary<string, string>? settings = null, Func<ServiceRequest, ServiceResponse>? eastUs = null)
    {
        var builder = FragmentFixture.Gateway(
                ["regional-failover", "retry-after-cap"],
                inbound: """<set-backend-service backend-id="aoai-pool" />""",
                backend: """<include-fragment fragment-id="regional-failover" />""",
                outbound: """<include-fragment fragment-id="retry-after-cap" />""")
            .WithApi("openai", "openai", "https://unused.invalid/openai", subscriptionRequired: false)
            .WithNamedValues(RepositoryNamedValues.With(settings))
            .WithRepositoryBackends();
        foreach (var (region, service) in _regions)
        {
            builder.Network.Map(RepositoryBackends.Host(region), service);
        }

        if (eastUs is not null)
        {
            builder.WithService(RepositoryBackends.Host("eastus"), eastUs);
        }

        return builder.Build();
    }

    private void EveryRegionFails(int times, SimulatedFault fault)
    {
        foreach (var region in _regions.Values)
        {
            region.Faults.FailNext(times, fault);
        }
    }

    private static string[] Hosts(GatewayResult result) => [.. result.BackendCalls.Select(c => c.Request.Uri.Host)];

    [Fact]
    public async Task A_healthy_primary_region_answers_with_one_backend_call()
    {
        var result = await Gateway().SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Equal([RepositoryBackends.Host("eastus")], Hosts(result));
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task A_throttled_or_unavailable_primary_fails_over_to_the_next_region_with_the_same_body(int status)
    {
        _regions["eastus"].Faults.FailNext(1, SimulatedFault.Status(status, TimeSpan.FromSeconds(10)));

        var result = await Gateway().SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(RepositoryBackends.Host("eastus"), Hosts(result)[0]);
        Assert.Contains(Hosts(result)[1], new[] { RepositoryBackends.Host("swedencentral"), RepositoryBackends.Host("westus") });
        Assert.Equal(Body, System.Text.Encoding.UTF8.GetString(result.BackendCalls[1].Request.Body.Span));
    }

    [Fact]
    public async Task A_500_is_passed_on_without_a_retry_by_default()
    {
        _regions["eastus"].Faults.FailNext(1, SimulatedFault.Status(500));

        var result = await Gateway().SendAsync(Call());

        Assert.Equal(500, result.StatusCode);
        Assert.Equal([RepositoryBackends.Host("eastus")], Hosts(result));
    }

    [Fact]
    public async Task A_500_fails_over_when_failover_retry_on_500_is_set()
    {
        _regions["eastus"].Faults.FailNext(1, SimulatedFault.Status(500));

        var result = await Gateway(new Dictionary<string, string> { ["failover-retry-on-500"] = "true" }).SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(2, result.BackendCalls.Count);
        Assert.NotEqual(RepositoryBackends.Host("eastus"), Hosts(result)[1]);
    }

    /// <summary>The known bug: matching "Too Many Requests" misses a 429 whose reason phrase is worded otherwise.</summary>
    [Fact]
    public async Task A_429_is_retried_whatever_its_reason_phrase_says()
    {
        var gateway = Gateway(eastUs: _ => new ServiceResponse(429, reasonPhrase: "Slow Down Please"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(2, result.BackendCalls.Count);
    }

    /// <summary>The converse: a reason phrase that reads like throttling does not make a 200 retried.</summary>
    [Fact]
    public async Task A_success_whose_reason_phrase_reads_like_throttling_is_not_retried()
    {
        var gateway = Gateway(eastUs: _ => new ServiceResponse(200, reasonPhrase: "Too Many Requests"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(200, result.StatusCode);
        Assert.Equal([RepositoryBackends.Host("eastus")], Hosts(result));
    }

    [Fact]
    public async Task The_number_of_retries_comes_from_failover_retry_count()
    {
        EveryRegionFails(5, SimulatedFault.Status(503));

        var result = await Gateway(new Dictionary<string, string> { ["failover-retry-count"] = "1" }).SendAsync(Call());

        Assert.Equal(503, result.StatusCode);
        Assert.Equal(2, result.BackendCalls.Count);
    }

    [Fact]
    public async Task The_wait_before_a_later_retry_honours_a_short_retry_after()
    {
        EveryRegionFails(1, SimulatedFault.Status(429, TimeSpan.FromSeconds(5)));

        var gateway = Gateway();
        var start = gateway.VirtualClock!.GetUtcNow();
        var result = await gateway.SendAsync(Call());

        Assert.Equal(3, result.BackendCalls.Count);
        Assert.Equal(TimeSpan.FromSeconds(5), gateway.VirtualClock.GetUtcNow() - start);
    }

    /// <summary>The known bug: a backend's Retry-After of a day held the request, and the caller, for a day.</summary>
    [Fact]
    public async Task A_retry_after_of_a_day_is_waited_only_up_to_the_cap_and_reaches_the_caller_capped()
    {
        EveryRegionFails(1, SimulatedFault.Status(429, TimeSpan.FromDays(1)));

        var gateway = Gateway();
        var start = gateway.VirtualClock!.GetUtcNow();
        var result = await gateway.SendAsync(Call());

        Assert.Equal(429, result.StatusCode);
        Assert.Equal(OneDay, result.BackendCalls[^1].Outcome.Response!.Headers.GetValueOrDefault("Retry-After"));
        Assert.Equal("30", result.Header("Retry-After"));
        Assert.Equal(TimeSpan.FromSeconds(30), gateway.VirtualClock.GetUtcNow() - start);
    }

    [Fact]
    public async Task The_cap_comes_from_retry_after_cap_seconds()
    {
        EveryRegionFails(1, SimulatedFault.Status(429, TimeSpan.FromSeconds(50)));

        var result = await Gateway(new Dictionary<string, string> { ["retry-after-cap-seconds"] = "10" }).SendAsync(Call());

        Assert.Equal("10", result.Header("Retry-After"));
    }

    [Fact]
    public async Task A_retry_after_within_the_cap_reaches_the_caller_unchanged()
    {
        EveryRegionFails(3, SimulatedFault.Status(429, TimeSpan.FromSeconds(12)));

        var result = await Gateway().SendAsync(Call());

        Assert.Equal(429, result.StatusCode);
        Assert.Equal("12", result.Header("Retry-After"));
    }

    /// <summary>An HTTP-date cannot be parsed in a policy expression (DateTime.TryParse is not allowed); the cap is the safe answer.</summary>
    [Fact]
    public async Task A_retry_after_the_cap_cannot_read_becomes_the_cap()
    {
        var gateway = Gateway(
            new Dictionary<string, string> { ["failover-retry-count"] = "0" },
            eastUs: _ => ServiceResponse.Status(429).WithHeader("Retry-After", "Fri, 02 Jan 2026 00:00:00 GMT"));

        var result = await gateway.SendAsync(Call());

        Assert.Equal(429, result.StatusCode);
        Assert.Equal("30", result.Header("Retry-After"));
    }
}
