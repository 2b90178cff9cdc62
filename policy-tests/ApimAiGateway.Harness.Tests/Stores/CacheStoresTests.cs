using ApimAiGateway.Harness.Stores;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Tests.Stores;

/// <summary>
/// caching-type choice per the cache-lookup-value / cache-store-value attribute tables: internal, external, and
/// prefer-external ("external cache if configured or internal cache otherwise"), default prefer-external.
/// </summary>
public sealed class CacheStoresTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Prefer_external_falls_back_to_the_built_in_cache_when_no_external_one_is_configured()
    {
        var stores = new CacheStores(new InMemoryCacheStore(_clock));

        var resolution = stores.Resolve("prefer-external");

        Assert.Same(stores.Internal, resolution.Store);
        Assert.Equal(CacheResolutionFailure.None, resolution.Failure);
    }

    [Fact]
    public void Prefer_external_takes_the_external_cache_when_configured()
    {
        var stores = new CacheStores(new InMemoryCacheStore(_clock), new InMemoryCacheStore(_clock));

        Assert.Same(stores.External, stores.Resolve("prefer-external").Store);
        Assert.Same(stores.Internal, stores.Resolve("internal").Store);
        Assert.Same(stores.External, stores.Resolve("external").Store);
    }

    [Fact]
    public void A_missing_caching_type_means_prefer_external()
    {
        var stores = new CacheStores(new InMemoryCacheStore(_clock), new InMemoryCacheStore(_clock));

        Assert.Same(stores.External, stores.Resolve((string?)null).Store);
    }

    [Fact]
    public void External_without_an_external_cache_is_reported_not_silently_redirected()
    {
        // Undocumented in APIM; see CacheStores for why the emulator reports it instead of choosing a cache.
        var stores = new CacheStores(new InMemoryCacheStore(_clock));

        var resolution = stores.Resolve("external");

        Assert.Null(resolution.Store);
        Assert.Equal(CacheResolutionFailure.ExternalCacheNotConfigured, resolution.Failure);
    }

    [Theory]
    [InlineData("External")]
    [InlineData("redis")]
    [InlineData("")]
    public void An_unknown_caching_type_is_a_failure_not_an_exception(string cachingType)
    {
        var stores = new CacheStores(new InMemoryCacheStore(_clock));

        Assert.Equal(CacheResolution.Failed(CacheResolutionFailure.UnknownCachingType), stores.Resolve(cachingType));
    }

    [Fact]
    public void The_two_caches_hold_separate_entries()
    {
        var stores = new CacheStores(new InMemoryCacheStore(_clock), new InMemoryCacheStore(_clock));
        stores.Resolve(CachingType.Internal).Store!.Set("k", "in", TimeSpan.FromMinutes(1));

        Assert.False(stores.Resolve(CachingType.External).Store!.TryGet("k", out _));
        Assert.Equal("in", stores.Internal.Entries["k"].Value);
    }
}
