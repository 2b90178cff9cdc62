using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services.AzureOpenAi;
using ApimAiGateway.Harness.Tokenization;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Execution.TokenLimits;

/// <summary>
/// A gateway with two APIs in one product in front of one simulated Azure OpenAI resource, for the token policies'
/// tests. The resource's own capacity is far above any limit under test, so only the policies refuse.
/// </summary>
internal sealed class TokenGateway
{
    public const string Host = "aoai.test";

    public TokenGateway()
    {
        Service = new SimulatedAzureOpenAi(new SimulatedAzureOpenAiOptions
        {
            Deployments = new Dictionary<string, string> { ["chat"] = "gpt-4o" },
            TokensPerMinute = 10_000_000,
        });
        Builder = new GatewayBuilder()
            .WithApi("aoai", "aoai", $"https://{Host}/openai")
            .WithApi("aoai2", "aoai2", $"https://{Host}/openai")
            .WithProduct("gold", "aoai", "aoai2")
            .WithSubscription("sub-1", "key-1", "gold");
        Builder.Network.Map(Host, Service);
    }

    public SimulatedAzureOpenAi Service { get; }

    public GatewayBuilder Builder { get; }

    public static string Body(string text, string extra = "") =>
        $$"""{"messages":[{"role":"user","content":"{{text}}"}]{{extra}}}""";

    /// <summary>What the gateway estimates for <see cref="Body"/>: the deployment "chat" names no known model, so o200k_base.</summary>
    public static int PromptEstimate(string body) => PromptTokenEstimator.Estimate(JObject.Parse(body), "chat");

    public static GatewayCall Chat(string body, string api = "aoai") =>
        GatewayCall.PostJson($"/{api}/deployments/chat/chat/completions?api-version=2024-10-21", body)
            .WithHeader("Ocp-Apim-Subscription-Key", "key-1")
            .WithHeader("api-key", "secret");

    /// <summary>A whole policy document: the given inbound around a forward-request.</summary>
    public static string Policy(string inbound) =>
        $"<policies><inbound>{inbound}</inbound><backend><forward-request /></backend><outbound /><on-error /></policies>";
}
