using ApimAiGateway.Harness.Services;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Tests.Services;

public sealed class ServiceRegistryTests
{
    [Fact]
    public async Task Routes_by_host_ignoring_case()
    {
        var registry = new ServiceRegistry()
            .Map("one.example.com", _ => ServiceResponse.Text("one"))
            .Map("two.example.com", _ => ServiceResponse.Text("two"));

        var outcome = await registry.SendAsync(TestRequests.Get("https://TWO.example.com/anything"));

        Assert.True(outcome.IsResponse);
        Assert.Equal("two", outcome.Response.BodyText);
    }

    [Fact]
    public async Task The_longest_matching_path_prefix_wins_and_prefixes_match_whole_segments()
    {
        var registry = new ServiceRegistry()
            .Map("root", new Uri("https://api.example.com/"), new DelegateServiceHandler(_ => ServiceResponse.Text("root")))
            .Map("openai", new Uri("https://api.example.com/openai/"), new DelegateServiceHandler(_ => ServiceResponse.Text("openai")));

        Assert.Equal("openai", (await registry.SendAsync(TestRequests.Get("https://api.example.com/openai/deployments/x"))).Response!.BodyText);
        Assert.Equal("openai", (await registry.SendAsync(TestRequests.Get("https://api.example.com/openai"))).Response!.BodyText);
        Assert.Equal("root", (await registry.SendAsync(TestRequests.Get("https://api.example.com/openaiX"))).Response!.BodyText);
    }

    [Fact]
    public async Task An_explicit_port_in_the_base_url_is_part_of_the_route()
    {
        var registry = new ServiceRegistry()
            .Map("local", new Uri("http://localhost:8080"), new DelegateServiceHandler(_ => ServiceResponse.Status(204)));

        Assert.True((await registry.SendAsync(TestRequests.Get("http://localhost:8080/x"))).IsResponse);
        Assert.Equal(ServiceOutcomeKind.ConnectionFailure, (await registry.SendAsync(TestRequests.Get("http://localhost:9090/x"))).Kind);
    }

    [Fact]
    public async Task An_unrouted_host_is_a_logged_connection_failure_not_an_exception()
    {
        var registry = new ServiceRegistry().Map("known.example.com", _ => ServiceResponse.Status(200));

        var outcome = await registry.SendAsync(TestRequests.Get("https://unknown.example.com/path"));

        Assert.Equal(ServiceOutcomeKind.ConnectionFailure, outcome.Kind);
        Assert.Equal("BackendConnectionFailure", outcome.ErrorReason);
        Assert.Contains("unknown.example.com", outcome.FailureMessage);
        var call = Assert.Single(registry.Calls.All);
        Assert.Null(call.ServiceName);
        Assert.Equal("unknown.example.com", call.Host);
    }

    [Fact]
    public async Task Mapping_the_same_place_again_replaces_the_service()
    {
        var registry = new ServiceRegistry()
            .Map("api.example.com", _ => ServiceResponse.Text("first"))
            .Map("api.example.com", _ => ServiceResponse.Text("override"));

        var outcome = await registry.SendAsync(TestRequests.Get("https://api.example.com/"));

        Assert.Equal("override", outcome.Response!.BodyText);
        Assert.Single(registry.Routes);
    }

    [Fact]
    public async Task Handlers_see_the_service_name_their_call_number_and_the_virtual_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        var seen = new List<ServiceCallContext>();
        var registry = new ServiceRegistry(clock).Map("backend", new Uri("https://api.example.com"), new DelegateServiceHandler((_, context) =>
        {
            seen.Add(context);
            return ServiceResponse.Status(200);
        }));

        await registry.SendAsync(TestRequests.Get("https://api.example.com/a"));
        clock.Advance(TimeSpan.FromSeconds(3));
        await registry.SendAsync(TestRequests.Get("https://api.example.com/b"));

        Assert.Equal(["backend", "backend"], seen.Select(context => context.ServiceName));
        Assert.Equal([1, 2], seen.Select(context => context.CallNumber));
        Assert.Equal(clock.Start.AddSeconds(3), seen[1].Now);
        Assert.Equal([clock.Start, clock.Start.AddSeconds(3)], registry.Calls.All.Select(call => call.SentAt));
    }

    [Fact]
    public async Task A_throwing_handler_surfaces_its_bug_to_the_test()
    {
        var registry = new ServiceRegistry().Map("api.example.com", _ => throw new InvalidOperationException("handler bug"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await registry.SendAsync(TestRequests.Get("https://api.example.com/")));

        Assert.Equal("handler bug", error.Message);
    }
}
