using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution;
using ApimAiGateway.Harness.Execution.Caching;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Tests.Execution.Caching;

/// <summary>cache-lookup-value / cache-store-value / cache-remove-value (apim-reference §4.30).</summary>
public sealed class CacheValueTests
{
    private static SimulatedGateway Gateway(string inbound) => new GatewayBuilder()
        .WithApi("chat", "chat", "https://backend.test/v1")
        .WithProduct("gold", "chat")
        .WithSubscription("sub-1", "key-1", "gold")
        .WithService("backend.test", _ => ServiceResponse.Json("{}"))
        .WithApiPolicy("chat", $"<policies><inbound>{inbound}</inbound><backend><forward-request /></backend><outbound /><on-error /></policies>")
        .Build();

    private static GatewayCall Call(string path) => GatewayCall.Get(path).WithHeader("Ocp-Apim-Subscription-Key", "key-1");

    private const string Policies = """
        <choose>
          <when condition="@(context.Request.Url.Path.EndsWith(&quot;store&quot;))"><cache-store-value key="token" value="@(42)" duration="30" /></when>
          <when condition="@(context.Request.Url.Path.EndsWith(&quot;remove&quot;))"><cache-remove-value key="token" /></when>
        </choose>
        <cache-lookup-value key="token" variable-name="cached" />
        """;

    [Fact]
    public async Task A_stored_value_is_read_back_by_a_later_request_as_the_object_it_was()
    {
        var gateway = Gateway(Policies);

        await gateway.SendAsync(Call("/chat/store"));
        var read = await gateway.SendAsync(Call("/chat/read"));

        Assert.Equal(42, read.Variables["cached"]);
    }

    [Fact]
    public async Task A_value_expires_after_its_duration_on_the_gateway_clock()
    {
        var gateway = Gateway(Policies);
        await gateway.SendAsync(Call("/chat/store"));

        gateway.VirtualClock!.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1));
        var beforeExpiry = await gateway.SendAsync(Call("/chat/read"));
        gateway.VirtualClock.Advance(TimeSpan.FromMilliseconds(1));
        var afterExpiry = await gateway.SendAsync(Call("/chat/read"));

        Assert.True(beforeExpiry.Variables.ContainsKey("cached"));
        Assert.False(afterExpiry.Variables.ContainsKey("cached"));
    }

    [Fact]
    public async Task A_removed_value_is_no_longer_found()
    {
        var gateway = Gateway(Policies);
        await gateway.SendAsync(Call("/chat/store"));

        await gateway.SendAsync(Call("/chat/remove"));
        var read = await gateway.SendAsync(Call("/chat/read"));

        Assert.False(read.Variables.ContainsKey("cached"));
    }

    [Fact]
    public async Task A_miss_assigns_default_value_when_given_and_otherwise_leaves_the_variable_unset()
    {
        var gateway = Gateway("""
            <cache-lookup-value key="absent" variable-name="withDefault" default-value="fallback" />
            <cache-lookup-value key="absent" variable-name="withoutDefault" />
            """);

        var result = await gateway.SendAsync(Call("/chat/read"));

        Assert.Equal("fallback", result.Variables["withDefault"]);
        Assert.False(result.Variables.ContainsKey("withoutDefault"));
    }

    [Fact]
    public void External_caching_without_an_external_cache_reads_and_stores_nothing_and_says_so()
    {
        var clock = new FakeTimeProvider(GatewayBuilder.DefaultStart);
        var services = new GatewayServices(clock, new ServiceRegistry(clock), externalCacheConfigured: false);
        var context = new PolicyExecutionContext(new ExpressionContext(new GatewayRequest("GET", new Url(new Uri("https://apim.local/x"))), clock), services, CancellationToken.None)
        {
            Current = new PolicyLocation("cache-lookup-value", "api", "inbound", "cache-lookup-value[1]", null, Harness.Diagnostics.SourceLocation.StartOf("api.xml")),
        };

        var store = CacheSelection.Resolve(context, "external");

        Assert.Null(store);
        Assert.Contains("no external cache", Assert.Single(context.Trace.Entries).Message, StringComparison.Ordinal);
    }
}
