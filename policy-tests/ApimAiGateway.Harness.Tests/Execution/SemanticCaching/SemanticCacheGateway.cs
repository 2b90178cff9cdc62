using ApimAiGateway.Harness.Backends;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Identity;
using ApimAiGateway.Harness.Services.AzureOpenAi;

namespace ApimAiGateway.Harness.Tests.Execution.SemanticCaching;

/// <summary>
/// A gateway in front of a simulated Azure OpenAI resource whose chat deployment is the API's backend and whose
/// embeddings deployment is the backend entity "embeddings", with the gateway's managed identity on Entra ID.
/// </summary>
internal sealed class SemanticCacheGateway
{
    public const string Host = "aoai.test";

    public SemanticCacheGateway(string inbound, string outbound, string policy = "llm")
    {
        AzureOpenAi = new SimulatedAzureOpenAi(new SimulatedAzureOpenAiOptions
        {
            Deployments = new Dictionary<string, string> { ["chat"] = "gpt-4o", ["embed"] = "text-embedding-3-small" },
            TokensPerMinute = 1_000_000,
        });
        var builder = new GatewayBuilder()
            .WithApi("chat", "chat", $"https://{Host}/openai/deployments/chat", subscriptionRequired: false)
            .WithBackend(new BackendDefinition("embeddings", BackendKind.Single, new Uri($"https://{Host}/openai/deployments/embed/embeddings")));
        builder.Network.Map(Host, AzureOpenAi);
        new SimulatedEntraId(builder.Clock).MapOn(builder.Network);
        Gateway = builder.WithGlobalPolicy(
            $"<policies><inbound>{inbound.Replace("{p}", policy)}</inbound><backend><forward-request /></backend><outbound>{outbound.Replace("{p}", policy)}</outbound><on-error /></policies>").Build();
    }

    public SimulatedAzureOpenAi AzureOpenAi { get; }

    public SimulatedGateway Gateway { get; }

    public static string Lookup(double threshold, string extra = "", string varyBy = "") =>
        $"""<{"{p}"}-semantic-cache-lookup score-threshold="{threshold}" embeddings-backend-id="embeddings" embeddings-backend-auth="system-assigned" {extra}>{varyBy}</{"{p}"}-semantic-cache-lookup>""";

    public static string Store(int seconds = 60) => $"""<{"{p}"}-semantic-cache-store duration="{seconds}" />""";

    public Task<GatewayResult> Ask(string user, string? system = null, string? tenant = null)
    {
        var messages = system is null
            ? $$"""[{"role":"user","content":"{{user}}"}]"""
            : $$"""[{"role":"system","content":"{{system}}"},{"role":"user","content":"{{user}}"}]""";
        var call = GatewayCall.PostJson("/chat/chat/completions?api-version=2024-10-21", $$"""{"messages":{{messages}}}""").WithHeader("api-key", "k");
        return Gateway.SendAsync(tenant is null ? call : call.WithHeader("x-tenant", tenant));
    }
}
