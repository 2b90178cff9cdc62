using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Services.AzureOpenAi;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// The cost fragments' test bed: the API "openai" in front of one simulated Azure OpenAI resource (deployment "chat"
/// serving gpt-4o, or another host the test maps), two subscriptions, and the repository's named values with optional overrides.
/// </summary>
internal sealed class CostGateway
{
    public const string Host = "aoai.test";

    public CostGateway(IEnumerable<string> fragments, string inbound, string outbound, IReadOnlyDictionary<string, string>? namedValues = null, string host = Host)
    {
        Service = new SimulatedAzureOpenAi(new SimulatedAzureOpenAiOptions
        {
            Deployments = new Dictionary<string, string> { ["chat"] = "gpt-4o" },
            TokensPerMinute = 10_000_000,
        });
        Builder = FragmentFixture.Gateway(fragments, inbound, outbound: outbound)
            .WithApi("openai", "openai", $"https://{host}/openai")
            .WithProduct("ai", "openai")
            .WithSubscription("team-a", "key-a", "ai")
            .WithSubscription("team-b", "key-b", "ai")
            .WithNamedValues(NamedValues(namedValues ?? new Dictionary<string, string>()));
        Builder.Network.Map(Host, Service);
    }

    public SimulatedAzureOpenAi Service { get; }

    public GatewayBuilder Builder { get; }

    public static string Body(string text, string extra = "") =>
        $$"""{"messages":[{"role":"user","content":"{{text}}"}]{{extra}}}""";

    public static GatewayCall Chat(string body, string key = "key-a", string deployment = "chat") =>
        GatewayCall.PostJson($"/openai/deployments/{deployment}/chat/completions?api-version=2024-10-21", body)
            .WithHeader("Ocp-Apim-Subscription-Key", key)
            .WithHeader("api-key", "secret");

    /// <summary>What the default price table charges for gpt-4o, per million tokens: 2.5 in, 1.25 cached in, 10 out.</summary>
    public static decimal Gpt4oCost(long prompt, long completion, long cached = 0) =>
        ((prompt - cached) * 2.5m + cached * 1.25m + completion * 10m) / 1_000_000m;

    public static decimal Cost(GatewayResult result) =>
        decimal.Parse(result.Header("x-cost")!, System.Globalization.CultureInfo.InvariantCulture);

    private static NamedValueSet NamedValues(IReadOnlyDictionary<string, string> overrides)
    {
        var shared = NamedValueSet.Load(Path.Combine(FragmentFixture.RepositoryRoot, "policies", "named-values.json")).Set;
        var replaced = overrides.Select(o => new NamedValue(o.Key, o.Value, false, null, SourceLocation.StartOf("test overrides")));
        return NamedValueSet.From(shared.Values.Where(v => !overrides.ContainsKey(v.Name)).Concat(replaced));
    }
}
