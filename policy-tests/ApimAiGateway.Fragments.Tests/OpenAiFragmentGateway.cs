using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Services.AzureOpenAi;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// The API "openai" (path openai) in front of a simulated Azure OpenAI resource with the chat deployment "chat", the
/// named values of policies/named-values.json (with per-test overrides), and the fragments under test.
/// </summary>
internal sealed class OpenAiFragmentGateway
{
    public const string Host = "aoai.test";

    public OpenAiFragmentGateway(IEnumerable<string> fragments, string inbound, string outbound = "", IReadOnlyDictionary<string, string>? namedValues = null, Action<GatewayBuilder>? configure = null)
    {
        AzureOpenAi = new SimulatedAzureOpenAi(new SimulatedAzureOpenAiOptions
        {
            Deployments = new Dictionary<string, string> { ["chat"] = "gpt-4o", ["other"] = "gpt-4o", ["embed"] = "text-embedding-3-small" },
            TokensPerMinute = 1_000_000,
        });
        var builder = FragmentFixture.Gateway(fragments, inbound, outbound: outbound)
            .WithApi("openai", "openai", $"https://{Host}/openai", subscriptionRequired: false)
            .WithProduct("ai", "openai")
            .WithSubscription("contoso", "key-contoso", "ai")
            .WithSubscription("fabrikam", "key-fabrikam", "ai")
            .WithNamedValues(NamedValues(namedValues ?? new Dictionary<string, string>()));
        builder.Network.Map(Host, AzureOpenAi);
        configure?.Invoke(builder);
        Gateway = builder.Build();
    }

    public SimulatedAzureOpenAi AzureOpenAi { get; }

    public SimulatedGateway Gateway { get; }

    public static JObject Chat(string prompt, double? temperature = 0) => Body(new JArray(new JObject { ["role"] = "user", ["content"] = prompt }), temperature);

    public static JObject Body(JArray messages, double? temperature = 0)
    {
        var body = new JObject { ["messages"] = messages };
        if (temperature is { } value)
        {
            body["temperature"] = value;
        }

        return body;
    }

    /// <summary>A chat completion on the given deployment, as the given subscription (the caller's partition).</summary>
    public Task<GatewayResult> Ask(JObject body, string? subscription = "contoso", string deployment = "chat", string apiVersion = "2024-10-21", string method = "POST")
    {
        var call = GatewayCall.PostJson($"/openai/deployments/{deployment}/chat/completions?api-version={apiVersion}", body.ToString()) with { Method = method, SubscriptionId = subscription };
        call = call.WithHeader("api-key", "backend-key");
        return Gateway.SendAsync(call);
    }

    private static NamedValueSet NamedValues(IReadOnlyDictionary<string, string> overrides)
    {
        var shared = NamedValueSet.Load(Path.Combine(FragmentFixture.RepositoryRoot, "policies", "named-values.json")).Set.Values
            .Where(v => !overrides.ContainsKey(v.Name));
        return NamedValueSet.From(shared.Concat(overrides.Select(o => new NamedValue(o.Key, o.Value, false, null, SourceLocation.StartOf("test overrides")))));
    }
}
