using ApimAiGateway.Harness.Backends;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Identity;
using ApimAiGateway.Harness.Services.AzureOpenAi;
using Newtonsoft.Json;

namespace ApimAiGateway.Policies.Tests;

/// <summary>
/// The repository's composed gateway with what surrounds it in Azure: Entra ID (callers' tokens and the gateway's
/// managed identity), one Azure OpenAI account per region of policies/backends.json on the hosts its backends name,
/// and a subscription per tier (team-basic on ai-basic, and so on). The accounts' own capacity is far above any
/// gateway limit, so only the gateway refuses unless a test injects a fault.
/// </summary>
internal sealed class ComposedGateway
{
    public const string Chat = "chat";
    public const string ApiVersion = "2024-10-21";
    public const string ClientApp = "44444444-4444-4444-4444-444444444444";

    /// <summary>The region display names the simulated accounts put in x-ms-region, by backends.json region.</summary>
    public static readonly IReadOnlyDictionary<string, string> RegionNames = new Dictionary<string, string>
    {
        ["eastus"] = "East US",
        ["westus"] = "West US",
        ["swedencentral"] = "Sweden Central",
    };

    public ComposedGateway(IReadOnlyDictionary<string, string>? settings = null)
    {
        var builder = ThisRepository.Blueprint(settings).CreateBuilder().WithCompilationCache(ThisRepository.CompilationCache);
        foreach (var tier in Tier.All)
        {
            builder.WithSubscription(tier.SubscriptionId, tier.Key, tier.ProductId);
        }

        Entra = new SimulatedEntraId(builder.Clock);
        Entra.MapOn(builder.Network);
        builder.Network.Map(ManagedIdentityTokens.EndpointHost, new SimulatedManagedIdentityEndpoint(Entra));
        foreach (var (region, name) in RegionNames)
        {
            var account = new SimulatedAzureOpenAi(new SimulatedAzureOpenAiOptions
            {
                Region = name,
                Deployments = new Dictionary<string, string>
                {
                    ["gpt-4o"] = "gpt-4o",
                    ["gpt-4o-mini"] = "gpt-4o-mini",
                    ["text-embedding-3-small"] = "text-embedding-3-small",
                },
                TokensPerMinute = 100_000_000,
            });
            Regions[region] = account;
            builder.Network.Map(Host(region), account);
        }

        Gateway = builder.Build();
    }

    public SimulatedGateway Gateway { get; }

    public SimulatedEntraId Entra { get; }

    public Dictionary<string, SimulatedAzureOpenAi> Regions { get; } = [];

    /// <summary>Every call any region's account answered itself, in no particular order across regions.</summary>
    public IEnumerable<AzureOpenAiCall> AccountCalls => Regions.Values.SelectMany(r => r.Calls);

    /// <summary>The host the account of a region answers on (aoai-&lt;region&gt; in backends.json).</summary>
    public static string Host(string region) => BackendsFile.SimulatedAccount(region) + ".openai.azure.com";

    /// <summary>A chat body with one user message; <paramref name="extra"/> adds members, e.g. <c>,"temperature":0</c>.</summary>
    public static string Body(string prompt, string extra = "") =>
        $$"""{"messages":[{"role":"user","content":{{JsonConvert.ToString(prompt)}}}]{{extra}}}""";

    /// <summary>An Entra ID token of the gateway's tenant for its audience, with the role the gateway requires.</summary>
    public string Token(Caller caller, string? tenant = null)
    {
        var claims = new Dictionary<string, object>
        {
            ["roles"] = new[] { ThisRepository.NamedValue("caller-identity-required-roles") },
            ["oid"] = caller.ObjectId,
        };
        if (caller.Department is { } department)
        {
            claims[ThisRepository.NamedValue("caller-identity-department-claim")] = department;
        }

        if (caller.Residency is { } residency)
        {
            claims[ThisRepository.NamedValue("caller-identity-residency-claim")] = residency;
        }

        return Entra.IssueToken(ThisRepository.NamedValue("caller-identity-audience"), ClientApp,
            tenant ?? ThisRepository.NamedValue("entra-tenant-id"), claims: claims);
    }

    /// <summary>A call as a client sends it: the tier's subscription key in api-key and the caller's bearer token.</summary>
    public GatewayCall Call(string body, Caller? caller = null, Tier? tier = null, string deployment = Chat, string operation = "chat/completions") =>
        WithToken(Token(caller ?? Caller.Alice), body, tier, deployment, operation);

    /// <summary>A call presenting <paramref name="token"/> as it is (none when null), with the tier's subscription key.</summary>
    public static GatewayCall WithToken(string? token, string body, Tier? tier = null, string deployment = Chat, string operation = "chat/completions")
    {
        var call = GatewayCall.PostJson($"/openai/deployments/{deployment}/{operation}?api-version={ApiVersion}", body)
            .WithHeader("api-key", (tier ?? Tier.Basic).Key);
        return token is null ? call : call.WithHeader("Authorization", "Bearer " + token);
    }

    public Task<GatewayResult> Send(GatewayCall call) => Gateway.SendAsync(call);

    public Task<GatewayResult> Ask(string prompt, Caller? caller = null, Tier? tier = null, string deployment = Chat, string extra = "") =>
        Send(Call(Body(prompt, extra), caller, tier, deployment));

    /// <summary>The x-ms-region the answer came from, which the accounts stamp on every answer, faults included.</summary>
    public static string? RegionOf(GatewayResult result) => result.Header(SimulatedAzureOpenAi.RegionHeader);

    public static string[] BackendHosts(GatewayResult result) => [.. result.BackendCalls.Select(c => c.Request.Uri.Host)];

    public void Advance(TimeSpan time) => Gateway.VirtualClock!.Advance(time);
}
