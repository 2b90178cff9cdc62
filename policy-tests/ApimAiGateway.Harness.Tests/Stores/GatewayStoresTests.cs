using ApimAiGateway.Harness.Stores;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Tests.Stores;

public sealed class GatewayStoresTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void A_gateway_has_an_external_cache_only_when_configured()
    {
        Assert.Null(new GatewayStores(_clock).Caches.External);
        Assert.NotNull(new GatewayStores(_clock, externalCacheConfigured: true).Caches.External);
    }

    [Fact]
    public void Every_store_runs_on_the_gateway_clock()
    {
        var stores = new GatewayStores(_clock);
        stores.Caches.Internal.Set("k", "v", TimeSpan.FromSeconds(10));
        stores.CallRates.TryAcquire("k", 1, 1, TimeSpan.FromSeconds(10));

        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Same(_clock, stores.Clock);
        Assert.False(stores.Caches.Internal.TryGet("k", out _));
        Assert.True(stores.CallRates.TryAcquire("k", 1, 1, TimeSpan.FromSeconds(10)).Allowed);
    }

    [Fact]
    public void The_same_key_text_in_different_kinds_of_limit_are_different_counters()
    {
        var stores = new GatewayStores(_clock);
        var daily = QuotaPeriod.Calendar(CalendarPeriod.Daily);
        stores.CallRates.Add("client-1", 1, TimeSpan.FromMinutes(1));
        stores.CallQuotas.Add("client-1", 2, daily);

        Assert.Equal(0, stores.TokenRates.Peek("client-1", TimeSpan.FromMinutes(1)));
        Assert.Equal(0, stores.BandwidthQuotas.Peek("client-1", daily));
        Assert.Equal(0, stores.TokenQuotas.Peek("client-1", daily));
        Assert.Equal(1, stores.CallRates.Peek("client-1", TimeSpan.FromMinutes(1)));
        Assert.Equal(2, stores.CallQuotas.Peek("client-1", daily));
    }
}
