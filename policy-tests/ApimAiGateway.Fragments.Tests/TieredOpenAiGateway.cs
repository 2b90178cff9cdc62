using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services.AzureOpenAi;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// The fragments under test in front of one simulated Azure OpenAI resource, with one product per tier (basic,
/// standard, premium) and subscriptions on each, so tier- and caller-dependent fragments can be driven as callers
/// would. The resource's own capacity is far above any limit under test, so only the fragments refuse.
/// </summary>
internal sealed class TieredOpenAiGateway
{
    public const string Host = "aoai.test";

    public TieredOpenAiGateway(IEnumerable<string> fragments, string inbound, IReadOnlyDictionary<string, string> namedValues, string onError = "")
    {
        Service = new SimulatedAzureOpenAi(new SimulatedAzureOpenAiOptions
        {
            Deployments = new Dictionary<string, string> { ["chat"] = "gpt-4o", ["mini"] = "gpt-4o-mini" },
            TokensPerMinute = 10_000_000,
        });
        Builder = FragmentFixture.Gateway(fragments, inbound, onError: onError)
            .WithNamedValues(namedValues)
            .WithApi("openai", "openai", $"https://{Host}/openai")
            .WithProduct("basic", "openai")
            .WithProduct("standard", "openai")
            .WithProduct("premium", "openai")
            .WithSubscription("sub-basic", "key-basic", "basic")
            .WithSubscription("sub-basic-2", "key-basic-2", "basic")
            .WithSubscription("sub-standard", "key-standard", "standard")
            .WithSubscription("sub-premium", "key-premium", "premium");
        Builder.Network.Map(Host, Service);
    }

    public SimulatedAzureOpenAi Service { get; }

    public GatewayBuilder Builder { get; }

    public static string Body(string text, string extra = "") =>
        $$"""{"messages":[{"role":"user","content":"{{text}}"}]{{extra}}}""";

    /// <summary>A chat completion sent with the subscription key of <paramref name="subscription"/> (sub-basic gives key-basic).</summary>
    public static GatewayCall Chat(string body, string subscription = "sub-basic", string deployment = "chat") =>
        GatewayCall.PostJson($"/openai/deployments/{deployment}/chat/completions?api-version=2024-10-21", body)
            .WithHeader("Ocp-Apim-Subscription-Key", "key-" + subscription["sub-".Length..])
            .WithHeader("api-key", "secret");
}
