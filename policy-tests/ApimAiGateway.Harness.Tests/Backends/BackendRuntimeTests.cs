using ApimAiGateway.Harness.Backends;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Tests.Backends;

/// <summary>Pools and circuit breakers as "Backends in API Management" describes them (apim-reference §4.35).</summary>
public sealed class BackendRuntimeTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private static CircuitBreakerRule TripOnOne429(bool acceptRetryAfter = false) =>
        new("throttled", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1))
        {
            FailureCount = 1,
            StatusCodeRanges = [(429, 429), (500, 599)],
            AcceptRetryAfter = acceptRetryAfter,
        };

    private BackendRuntime Runtime(params BackendDefinition[] backends)
    {
        var runtime = new BackendRuntime(_clock);
        foreach (var backend in backends)
        {
            runtime.Add(backend);
        }

        return runtime;
    }

    private static BackendDefinition Single(string id, CircuitBreakerRule? rule = null) =>
        new(id, BackendKind.Single, new Uri($"https://{id}.test/openai")) { CircuitBreaker = rule };

    private static BackendDefinition Pool(params PoolMember[] members) => new("pool", BackendKind.Pool, null) { Members = members };

    [Fact]
    public void A_breaker_trips_on_the_configured_failure_count_and_closes_after_the_trip_duration()
    {
        var runtime = Runtime(Single("east", TripOnOne429()));
        var east = runtime.Find("east")!;

        Assert.False(runtime.Report("east", 200, null));
        Assert.True(runtime.Report("east", 429, null));
        Assert.Null(runtime.Choose(east).Backend);

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Null(runtime.Choose(east).Backend);
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Same(east, runtime.Choose(east).Backend);
    }

    [Fact]
    public void With_accept_retry_after_the_circuit_stays_open_for_the_backends_retry_after()
    {
        var runtime = Runtime(Single("east", TripOnOne429(acceptRetryAfter: true)));

        runtime.Report("east", 429, TimeSpan.FromSeconds(10));

        Assert.Equal(_clock.GetUtcNow().AddSeconds(10), runtime.BreakerOf("east")!.OpenUntil);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.NotNull(runtime.Choose(runtime.Find("east")!).Backend);
    }

    [Fact]
    public void Failures_outside_the_interval_do_not_count()
    {
        var rule = TripOnOne429() with { FailureCount = 2 };
        var runtime = Runtime(Single("east", rule));

        Assert.False(runtime.Report("east", 503, null));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(runtime.Report("east", 503, null));
        Assert.True(runtime.Report("east", 503, null));
    }

    [Fact]
    public void A_percentage_rule_trips_on_the_share_of_failures()
    {
        var rule = new CircuitBreakerRule("half", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)) { FailurePercentage = 50, StatusCodeRanges = [(500, 599)] };
        var runtime = Runtime(Single("east", rule));

        Assert.False(runtime.Report("east", 200, null));
        Assert.False(runtime.Report("east", 200, null));
        Assert.False(runtime.Report("east", 500, null));
        Assert.True(runtime.Report("east", 500, null));
    }

    [Fact]
    public void A_pool_sends_everything_to_the_highest_priority_group_until_all_of_it_is_tripped()
    {
        var runtime = Runtime(Single("east", TripOnOne429()), Single("west", TripOnOne429()), Single("uk", TripOnOne429()));
        var pool = Pool(new("east", 1, 1), new("west", 2, 1), new("uk", 3, 1));

        Assert.All(Enumerable.Range(0, 5), _ => Assert.Equal("east", runtime.Choose(pool).Backend!.Id));
        runtime.Report("east", 429, null);
        Assert.Equal("west", runtime.Choose(pool).Backend!.Id);
        runtime.Report("west", 503, null);
        Assert.Equal("uk", runtime.Choose(pool).Backend!.Id);
        runtime.Report("uk", 500, null);

        var none = runtime.Choose(pool);
        Assert.Null(none.Backend);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(1), none.AvailableAgainAt);
    }

    [Fact]
    public void Weights_split_a_priority_group_exactly()
    {
        var runtime = Runtime(Single("a"), Single("b"), Single("c"));
        var pool = Pool(new("a", 1, 3), new("b", 1, 1), new("c", 2, 1));

        var picks = Enumerable.Range(0, 400).Select(_ => runtime.Choose(pool).Backend!.Id).ToList();

        Assert.Equal(300, picks.Count(p => p == "a"));
        Assert.Equal(100, picks.Count(p => p == "b"));
        Assert.DoesNotContain("c", picks);
    }

    [Fact]
    public void The_repositorys_backends_file_describes_regional_backends_with_breakers_and_pools_of_them()
    {
        var repository = ThisRepository.Root;

        var (backends, diagnostics) = BackendsFile.Load(Path.Combine(repository, "policies", "backends.json"));

        Assert.Empty(diagnostics);
        var members = backends.Where(b => b.Kind == BackendKind.Pool).SelectMany(p => p.Members).ToList();
        Assert.NotEmpty(members);
        Assert.All(members, m => Assert.Contains(backends, b => b.Id == m.BackendId && b.Kind == BackendKind.Single));
        var east = backends.Single(b => b.Id == "aoai-eastus");
        Assert.Equal("aoai-eastus.openai.azure.com", east.Url!.Host);
        Assert.Equal("eastus", east.AzureRegion);
        Assert.True(east.CircuitBreaker!.IsFailure(429));
    }

    [Fact]
    public void A_malformed_backends_file_is_a_located_diagnostic()
    {
        var (backends, diagnostics) = BackendsFile.Parse("{ \"backends\": [ {\"name\": \"x\", \"properties\": { \"type\": \"Single\" } } ] }", "b.json");

        Assert.Empty(backends);
        Assert.Contains("'x'", Assert.Single(diagnostics).Message);
        Assert.Equal("AGW4002", Assert.Single(BackendsFile.Parse("{ nope", "b.json").Diagnostics).Code);
    }
}
