using ApimAiGateway.Harness.Stores;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Tests.Stores;

/// <summary>Requests run in parallel against one gateway's stores; no count may be lost or doubled.</summary>
public sealed class ConcurrencyTests
{
    private const int Requests = 20_000;
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Parallel_acquires_on_one_key_admit_exactly_the_limit()
    {
        var counter = new InMemorySlidingWindowCounter(_clock);
        var admitted = 0;

        Parallel.For(0, Requests, _ =>
        {
            if (counter.TryAcquire("hot", 1, 5_000, TimeSpan.FromMinutes(1)).Allowed)
            {
                Interlocked.Increment(ref admitted);
            }
        });

        Assert.Equal(5_000, admitted);
        Assert.Equal(5_000, counter.Peek("hot", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void Parallel_adds_across_keys_sum_exactly()
    {
        var rates = new InMemorySlidingWindowCounter(_clock);
        var quotas = new InMemoryFixedWindowCounter(_clock);
        var daily = QuotaPeriod.Calendar(CalendarPeriod.Daily);

        Parallel.For(0, Requests, i =>
        {
            var key = "key-" + (i % 8);
            rates.Add(key, (i % 7) + 1, TimeSpan.FromMinutes(1));
            quotas.Add(key, (i % 7) + 1, daily);
        });

        for (var k = 0; k < 8; k++)
        {
            var expected = Enumerable.Range(0, Requests).Where(i => i % 8 == k).Sum(i => (long)((i % 7) + 1));
            Assert.Equal(expected, rates.Peek("key-" + k, TimeSpan.FromMinutes(1)));
            Assert.Equal(expected, quotas.Peek("key-" + k, daily));
        }
    }

    [Fact]
    public void Parallel_quota_acquires_while_the_clock_moves_admit_exactly_the_limit_per_window()
    {
        var quotas = new InMemoryFixedWindowCounter(_clock, new StoreOptions { SweepInterval = TimeSpan.FromSeconds(1) });
        var period = QuotaPeriod.Renewing(TimeSpan.FromSeconds(300), QuotaPeriod.DefaultFirstPeriodStart);
        var admitted = 0;

        Parallel.For(0, 4, worker =>
        {
            for (var i = 0; i < Requests / 4; i++)
            {
                if (quotas.TryAcquire("sub", 1, 1_000, period).Allowed)
                {
                    Interlocked.Increment(ref admitted);
                }
            }
        });

        Assert.Equal(1_000, admitted);
        _clock.Advance(TimeSpan.FromSeconds(300));
        Assert.True(quotas.TryAcquire("sub", 1, 1_000, period).Allowed);
    }

    [Fact]
    public void Parallel_cache_traffic_counts_every_lookup_once()
    {
        var cache = new InMemoryCacheStore(_clock);

        Parallel.For(0, Requests, i =>
        {
            var key = "k" + (i % 100);
            if (!cache.TryGet(key, out _))
            {
                cache.Set(key, i, TimeSpan.FromMinutes(1));
            }
        });

        Assert.Equal(Requests, cache.Hits + cache.Misses);
        Assert.InRange(cache.Misses, 100, Requests);
        Assert.Equal(100, cache.Entries.Count);
    }
}
