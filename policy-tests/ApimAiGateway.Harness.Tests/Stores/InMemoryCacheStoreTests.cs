using ApimAiGateway.Harness.Stores;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Tests.Stores;

public sealed class InMemoryCacheStoreTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_entry_is_readable_until_its_duration_has_passed_on_the_clock()
    {
        var cache = new InMemoryCacheStore(_clock);
        cache.Set("profile", "alice", TimeSpan.FromSeconds(30));

        _clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1));
        Assert.True(cache.TryGet("profile", out var value));
        Assert.Equal("alice", value);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(cache.TryGet("profile", out _));
    }

    [Fact]
    public void Values_are_stored_as_given_not_copied_or_serialized()
    {
        var cache = new InMemoryCacheStore(_clock);
        var response = new byte[] { 1, 2, 3 };
        cache.Set("body", response, TimeSpan.FromMinutes(1));

        Assert.True(cache.TryGet("body", out var value));
        Assert.Same(response, value);
    }

    [Fact]
    public void Storing_again_replaces_the_value_and_restarts_the_duration()
    {
        var cache = new InMemoryCacheStore(_clock);
        cache.Set("k", 1, TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromSeconds(8));
        cache.Set("k", 2, TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromSeconds(8));

        Assert.True(cache.TryGet("k", out var value));
        Assert.Equal(2, value);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(2), cache.Entries["k"].ExpiresAt);
    }

    [Fact]
    public void A_duration_of_zero_leaves_nothing_readable()
    {
        var cache = new InMemoryCacheStore(_clock);
        cache.Set("k", "old", TimeSpan.FromMinutes(1));
        cache.Set("k", "new", TimeSpan.Zero);

        Assert.False(cache.TryGet("k", out _));
        Assert.Empty(cache.Entries);
    }

    [Fact]
    public void Remove_reports_whether_a_live_entry_was_removed()
    {
        var cache = new InMemoryCacheStore(_clock);
        cache.Set("live", "v", TimeSpan.FromMinutes(1));
        cache.Set("stale", "v", TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.True(cache.Remove("live"));
        Assert.False(cache.Remove("live"));
        Assert.False(cache.Remove("stale"));
        Assert.False(cache.TryGet("live", out _));
    }

    [Fact]
    public void Hits_and_misses_are_counted_per_lookup()
    {
        var cache = new InMemoryCacheStore(_clock);
        cache.Set("k", "v", TimeSpan.FromSeconds(5));

        cache.TryGet("k", out _);
        cache.TryGet("k", out _);
        cache.TryGet("other", out _);
        _clock.Advance(TimeSpan.FromSeconds(5));
        cache.TryGet("k", out _);

        Assert.Equal(2, cache.Hits);
        Assert.Equal(2, cache.Misses);
    }

    [Fact]
    public void Entries_shows_only_unexpired_values_with_their_expiry()
    {
        var cache = new InMemoryCacheStore(_clock);
        var start = _clock.GetUtcNow();
        cache.Set("short", "a", TimeSpan.FromSeconds(1));
        cache.Set("long", "b", TimeSpan.FromHours(1));
        _clock.Advance(TimeSpan.FromSeconds(1));

        var entry = Assert.Single(cache.Entries);
        Assert.Equal("long", entry.Key);
        Assert.Equal(new CacheEntry("b", start.AddHours(1)), entry.Value);
    }

    [Fact]
    public void Entries_never_read_again_are_swept_once_expired()
    {
        var options = new StoreOptions { SweepInterval = TimeSpan.FromMinutes(1) };
        var cache = new InMemoryCacheStore(_clock, options);
        cache.Set("written-once", "v", TimeSpan.FromSeconds(10));
        _clock.Advance(TimeSpan.FromMinutes(1));
        cache.Set("another", "v", TimeSpan.FromMinutes(10));

        // The sweep ran inside the second Set, so the misses counter shows no lookup removed the first entry.
        Assert.Equal(0, cache.Misses);
        Assert.Equal(["another"], cache.Entries.Keys);
    }
}
