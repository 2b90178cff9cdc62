using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// canary-routing (inbound) with the repository's settings (canary-stable-deployment gpt-4o, canary-deployment
/// gpt-4o-canary, canary-percent 10). The caller comes from a caller-id variable an earlier fragment sets; here a
/// test header stands in for that fragment.
/// </summary>
public sealed class CanaryRoutingTests
{
    private const string Canary = "/openai/deployments/gpt-4o-canary/chat/completions";
    private const string Stable = "/openai/deployments/gpt-4o/chat/completions";
    private const string Body = """{"messages":[{"role":"user","content":"Hello"}]}""";

    private static SimulatedGateway Gateway(IReadOnlyDictionary<string, string>? settings = null) =>
        Builder(settings).Build();

    private static GatewayBuilder Builder(IReadOnlyDictionary<string, string>? settings = null) =>
        FragmentFixture.Gateway(
                ["canary-routing"],
                inbound: """
                    <set-variable name="caller-id" value="@(context.Request.Headers.GetValueOrDefault("x-test-caller", ""))" />
                    <include-fragment fragment-id="canary-routing" />
                    """)
            .WithApi("openai", "openai", "https://aoai.test/openai", subscriptionRequired: false)
            .WithNamedValues(RepositoryNamedValues.With(settings))
            .WithService("aoai.test", _ => ServiceResponse.Json("{}"));

    private static GatewayCall Chat(string caller, string deployment = "gpt-4o") =>
        GatewayCall.PostJson($"/openai/deployments/{deployment}/chat/completions?api-version=2024-10-21", Body).WithHeader("x-test-caller", caller);

    private static string SentPath(GatewayResult result) => Assert.Single(result.BackendCalls).Request.Uri.AbsolutePath;

    private static async Task<string> FirstCaller(SimulatedGateway gateway, bool canary)
    {
        for (var i = 0; ; i++)
        {
            var result = await gateway.SendAsync(Chat("caller-" + i));
            if ((SentPath(result) == Canary) == canary)
            {
                return "caller-" + i;
            }
        }
    }

    private static async Task<int> CanaryCallers(SimulatedGateway gateway, int callers)
    {
        var canary = 0;
        for (var i = 0; i < callers; i++)
        {
            canary += SentPath(await gateway.SendAsync(Chat("caller-" + i))) == Canary ? 1 : 0;
        }

        return canary;
    }

    [Fact]
    public async Task About_canary_percent_of_many_callers_go_to_the_canary()
    {
        var canary = await CanaryCallers(Gateway(), 1000);

        Assert.InRange(canary, 70, 130);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("100", 200)]
    public async Task Zero_and_a_hundred_percent_send_no_one_and_everyone(string percent, int expected)
    {
        var canary = await CanaryCallers(Gateway(new Dictionary<string, string> { ["canary-percent"] = percent }), 200);

        Assert.Equal(expected, canary);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_caller_stays_on_its_side_request_after_request_and_gateway_after_gateway(bool canary)
    {
        var caller = await FirstCaller(Gateway(), canary);
        var paths = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            paths.Add(SentPath(await Gateway().SendAsync(Chat(caller))));
        }

        Assert.All(paths, p => Assert.Equal(canary ? Canary : Stable, p));
    }

    [Fact]
    public async Task The_canary_keeps_the_rest_of_the_path_and_the_query()
    {
        var gateway = Gateway(new Dictionary<string, string> { ["canary-percent"] = "100" });

        var sent = Assert.Single((await gateway.SendAsync(Chat("anyone"))).BackendCalls).Request.Uri;

        Assert.Equal(Canary, sent.AbsolutePath);
        Assert.Equal("?api-version=2024-10-21", sent.Query);
    }

    [Fact]
    public async Task The_override_on_sends_a_stable_caller_to_the_canary()
    {
        var gateway = Gateway();
        var caller = await FirstCaller(gateway, canary: false);

        var result = await gateway.SendAsync(Chat(caller).WithHeader("x-canary", "on"));

        Assert.Equal(Canary, SentPath(result));
        Assert.True((bool)result.Variables["canary"]);
    }

    [Fact]
    public async Task The_override_off_keeps_a_canary_caller_on_the_stable_deployment()
    {
        var gateway = Gateway();
        var caller = await FirstCaller(gateway, canary: true);

        var result = await gateway.SendAsync(Chat(caller).WithHeader("x-canary", "OFF"));

        Assert.Equal(Stable, SentPath(result));
    }

    [Fact]
    public async Task An_override_other_than_on_or_off_is_refused_with_a_json_400()
    {
        var result = await Gateway().SendAsync(Chat("anyone").WithHeader("x-canary", "yes"));

        Assert.Equal(400, result.StatusCode);
        Assert.Empty(result.BackendCalls);
        Assert.Equal("InvalidCanaryOverride", (string?)result.BodyJson!["error"]!["code"]);
        Assert.False(string.IsNullOrEmpty((string?)result.BodyJson["error"]!["requestId"]));
    }

    [Fact]
    public async Task Other_deployments_are_never_sent_to_the_canary()
    {
        var result = await Gateway().SendAsync(Chat("anyone", "gpt-4o-mini").WithHeader("x-canary", "on"));

        Assert.Equal("/openai/deployments/gpt-4o-mini/chat/completions", SentPath(result));
        Assert.False((bool)result.Variables["canary"]);
    }

    [Fact]
    public async Task A_v1_request_for_the_stable_model_has_its_body_model_set_to_the_canary()
    {
        var call = GatewayCall.PostJson("/openai/v1/chat/completions", """{"model":"gpt-4o","messages":[]}""").WithHeader("x-canary", "on");

        var sent = Assert.Single((await Gateway().SendAsync(call)).BackendCalls).Request;

        Assert.Equal("gpt-4o-canary", (string?)Newtonsoft.Json.Linq.JObject.Parse(System.Text.Encoding.UTF8.GetString(sent.Body.Span))["model"]);
    }

    [Fact]
    public async Task Without_a_caller_id_the_client_address_decides_and_stays_sticky()
    {
        var gateway = Gateway(new Dictionary<string, string> { ["canary-percent"] = "50" });
        var decisions = new List<(bool First, bool Second)>();
        for (var i = 1; i <= 20; i++)
        {
            var call = GatewayCall.PostJson("/openai/deployments/gpt-4o/chat/completions", Body) with { IpAddress = "203.0.113." + i };
            decisions.Add(((bool)(await gateway.SendAsync(call)).Variables["canary"], (bool)(await gateway.SendAsync(call)).Variables["canary"]));
        }

        Assert.All(decisions, d => Assert.Equal(d.First, d.Second));
        Assert.Equal([false, true], decisions.Select(d => d.First).Distinct().Order());
    }

    [Fact]
    public async Task Without_a_caller_id_the_subscription_decides_whatever_address_it_calls_from()
    {
        var builder = Builder(new Dictionary<string, string> { ["canary-percent"] = "50" }).WithProduct("ai", "openai");
        for (var i = 1; i <= 20; i++)
        {
            builder.WithSubscription("team-" + i, "key-" + i, "ai");
        }

        var gateway = builder.Build();
        var decisions = new List<(bool First, bool Second)>();
        for (var i = 1; i <= 20; i++)
        {
            var call = GatewayCall.PostJson("/openai/deployments/gpt-4o/chat/completions", Body) with { SubscriptionId = "team-" + i };
            decisions.Add((
                (bool)(await gateway.SendAsync(call with { IpAddress = "203.0.113.1" })).Variables["canary"],
                (bool)(await gateway.SendAsync(call with { IpAddress = "198.51.100.2" })).Variables["canary"]));
        }

        Assert.All(decisions, d => Assert.Equal(d.First, d.Second));
        Assert.Equal([false, true], decisions.Select(d => d.First).Distinct().Order());
    }
}
