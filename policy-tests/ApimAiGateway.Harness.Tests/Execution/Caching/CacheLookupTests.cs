using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Tests.Execution.Caching;

/// <summary>cache-lookup and cache-store: response caching for GET requests (apim-reference §4.29, cache-lookup / cache-store pages).</summary>
public sealed class CacheLookupTests
{
    private const string Backend = "backend.test";

    private static GatewayBuilder Gateway(string lookup, string store = """<cache-store duration="60" />""", Func<ServiceRequest, ServiceResponse>? backend = null)
    {
        var calls = 0;
        return new GatewayBuilder()
            .WithApi("chat", "chat", $"https://{Backend}/v1")
            .WithProduct("gold", "chat")
            .WithSubscription(new SubscriptionDefinition("sub-1", "key-1", "gold") { User = new UserDefinition("ann", "ann@test") { Groups = ["developers"] } })
            .WithSubscription(new SubscriptionDefinition("sub-2", "key-2", "gold") { User = new UserDefinition("bob", "bob@test") { Groups = ["developers"] } })
            .WithService(Backend, backend ?? (_ => ServiceResponse.Json($$"""{"call":{{Interlocked.Increment(ref calls)}}}""")))
            .WithApiPolicy("chat", $"<policies><inbound>{lookup}</inbound><backend><forward-request /></backend><outbound>{store}</outbound><on-error /></policies>");
    }

    private static GatewayCall Call(string path = "/chat/items", string key = "key-1") => GatewayCall.Get(path).WithHeader("Ocp-Apim-Subscription-Key", key);

    private const string Lookup = """<cache-lookup vary-by-developer="false" vary-by-developer-groups="false" />""";

    [Fact]
    public async Task A_hit_returns_the_stored_response_without_calling_the_backend()
    {
        var gateway = Gateway(Lookup).Build();

        var miss = await gateway.SendAsync(Call());
        var hit = await gateway.SendAsync(Call());

        Assert.Single(miss.BackendCalls);
        Assert.Empty(hit.BackendCalls);
        Assert.Equal(200, hit.StatusCode);
        Assert.Equal(miss.BodyText, hit.BodyText);
        Assert.Contains(hit.Trace, e => e.Policy == "cache-lookup" && e.Message.StartsWith("cache hit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_get_requests_are_looked_up()
    {
        var gateway = Gateway(Lookup).Build();

        await gateway.SendAsync(GatewayCall.PostJson("/chat/items", "{}").WithHeader("Ocp-Apim-Subscription-Key", "key-1"));
        var second = await gateway.SendAsync(GatewayCall.PostJson("/chat/items", "{}").WithHeader("Ocp-Apim-Subscription-Key", "key-1"));

        Assert.Single(second.BackendCalls);
    }

    [Fact]
    public async Task Vary_by_query_parameter_separates_entries_and_unlisted_parameters_do_not()
    {
        var gateway = Gateway("""
            <cache-lookup vary-by-developer="false" vary-by-developer-groups="false">
              <vary-by-query-parameter>version;region</vary-by-query-parameter>
            </cache-lookup>
            """).Build();

        await gateway.SendAsync(Call("/chat/items?version=1"));
        var otherVersion = await gateway.SendAsync(Call("/chat/items?version=2"));
        var otherRegion = await gateway.SendAsync(Call("/chat/items?version=1&region=eu"));
        var unlisted = await gateway.SendAsync(Call("/chat/items?version=1&page=7"));

        Assert.Single(otherVersion.BackendCalls);
        Assert.Single(otherRegion.BackendCalls);
        Assert.Empty(unlisted.BackendCalls);
    }

    [Fact]
    public async Task Vary_by_header_separates_entries_by_the_headers_value()
    {
        var gateway = Gateway("""<cache-lookup vary-by-developer="false" vary-by-developer-groups="false"><vary-by-header>Accept</vary-by-header></cache-lookup>""").Build();

        await gateway.SendAsync(Call().WithHeader("Accept", "application/json"));
        var xml = await gateway.SendAsync(Call().WithHeader("Accept", "application/xml"));
        var json = await gateway.SendAsync(Call().WithHeader("Accept", "application/json"));

        Assert.Single(xml.BackendCalls);
        Assert.Empty(json.BackendCalls);
    }

    [Fact]
    public async Task Vary_by_developer_separates_subscription_owners_and_vary_by_groups_alone_does_not()
    {
        var byDeveloper = Gateway("""<cache-lookup vary-by-developer="true" vary-by-developer-groups="false" />""").Build();
        var byGroups = Gateway("""<cache-lookup vary-by-developer="false" vary-by-developer-groups="true" />""").Build();

        await byDeveloper.SendAsync(Call(key: "key-1"));
        var otherDeveloper = await byDeveloper.SendAsync(Call(key: "key-2"));
        await byGroups.SendAsync(Call(key: "key-1"));
        var sameGroups = await byGroups.SendAsync(Call(key: "key-2"));

        Assert.Single(otherDeveloper.BackendCalls);
        Assert.Empty(sameGroups.BackendCalls);
    }

    [Fact]
    public async Task An_entry_expires_after_its_duration_on_the_gateway_clock()
    {
        var gateway = Gateway(Lookup).Build();
        await gateway.SendAsync(Call());

        gateway.VirtualClock!.Advance(TimeSpan.FromSeconds(60) - TimeSpan.FromMilliseconds(1));
        var beforeExpiry = await gateway.SendAsync(Call());
        gateway.VirtualClock.Advance(TimeSpan.FromMilliseconds(1));
        var afterExpiry = await gateway.SendAsync(Call());

        Assert.Empty(beforeExpiry.BackendCalls);
        Assert.Single(afterExpiry.BackendCalls);
    }

    [Fact]
    public async Task Only_200_is_stored_unless_cache_response_is_true()
    {
        static ServiceResponse NotFound(ServiceRequest _) => ServiceResponse.Status(404);
        var byDefault = Gateway(Lookup, backend: NotFound).Build();
        var cacheAny = Gateway(Lookup, """<cache-store duration="60" cache-response="true" />""", NotFound).Build();

        await byDefault.SendAsync(Call());
        var notStored = await byDefault.SendAsync(Call());
        await cacheAny.SendAsync(Call());
        var stored = await cacheAny.SendAsync(Call());

        Assert.Single(notStored.BackendCalls);
        Assert.Empty(stored.BackendCalls);
        Assert.Equal(404, stored.StatusCode);
    }

    [Fact]
    public async Task Downstream_caching_sets_cache_control_with_the_remaining_lifetime()
    {
        var gateway = Gateway("""<cache-lookup vary-by-developer="false" vary-by-developer-groups="false" downstream-caching-type="private" />""").Build();
        var noRevalidate = Gateway("""<cache-lookup vary-by-developer="false" vary-by-developer-groups="false" downstream-caching-type="public" must-revalidate="false" />""").Build();

        var stored = await gateway.SendAsync(Call());
        gateway.VirtualClock!.Advance(TimeSpan.FromSeconds(20));
        var hit = await gateway.SendAsync(Call());
        var publicResponse = await noRevalidate.SendAsync(Call());

        Assert.Equal("private, max-age=60, must-revalidate", stored.Header("Cache-Control"));
        Assert.Equal("private, max-age=40, must-revalidate", hit.Header("Cache-Control"));
        Assert.Equal("public, max-age=60", publicResponse.Header("Cache-Control"));
    }

    [Fact]
    public async Task Requests_with_authorization_are_cached_only_when_private_response_caching_is_allowed()
    {
        var denied = Gateway(Lookup).Build();
        var allowed = Gateway("""<cache-lookup vary-by-developer="false" vary-by-developer-groups="false" allow-private-response-caching="true"><vary-by-header>Authorization</vary-by-header></cache-lookup>""").Build();

        await denied.SendAsync(Call().WithHeader("Authorization", "Bearer a"));
        var notCached = await denied.SendAsync(Call().WithHeader("Authorization", "Bearer a"));
        await allowed.SendAsync(Call().WithHeader("Authorization", "Bearer a"));
        var cached = await allowed.SendAsync(Call().WithHeader("Authorization", "Bearer a"));

        Assert.Single(notCached.BackendCalls);
        Assert.Empty(cached.BackendCalls);
    }

    [Fact]
    public async Task Cache_store_without_a_lookup_stores_nothing()
    {
        var gateway = Gateway(string.Empty).Build();

        var result = await gateway.SendAsync(Call());

        Assert.Empty(gateway.Services.Stores.Caches.Internal.Entries);
        Assert.Empty(gateway.Services.Stores.Caches.External!.Entries);
        Assert.Contains(result.Trace, e => e.Policy == "cache-store" && e.Message.StartsWith("no cache-lookup", StringComparison.Ordinal));
    }
}
