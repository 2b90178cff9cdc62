using ApimAiGateway.Harness.Backends;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;
using ApimAiGateway.Harness.Services.ContentSafety;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Execution.ContentSafety;

/// <summary>
/// A gateway with the backend entity "content-safety" pointing at a simulated Azure AI Content Safety resource, in
/// front of a chat backend that answers with the completion the caller names in x-completion.
/// </summary>
internal sealed class ContentSafetyGateway
{
    public const string ChatHost = "chat.test";
    public const string SafetyHost = "safety.cognitiveservices.azure.com";

    public ContentSafetyGateway(string inbound, string outbound = "")
    {
        Safety = new SimulatedContentSafety(new SimulatedContentSafetyOptions
        {
            Keywords = [new("punch", "Violence", 3), new("stab", "Violence", 5), new("slur", "Hate", 6)],
            Blocklists = new Dictionary<string, IReadOnlyList<string>> { ["secret-projects"] = ["project zebra"] },
            AttackPhrases = ["ignore all previous instructions"],
        });
        var builder = new GatewayBuilder()
            .WithApi("chat", "chat", $"https://{ChatHost}/openai/deployments/chat", subscriptionRequired: false)
            .WithBackend(new BackendDefinition("content-safety", BackendKind.Single, new Uri($"https://{SafetyHost}")))
            .WithService(ChatHost, Completion);
        builder.Network.Map(SafetyHost, Safety);
        Gateway = builder.WithGlobalPolicy(
            $"<policies><inbound>{inbound}</inbound><backend><forward-request /></backend><outbound>{outbound}</outbound><on-error /></policies>").Build();
    }

    public SimulatedContentSafety Safety { get; }

    public SimulatedGateway Gateway { get; }

    public Task<GatewayResult> Ask(string prompt, string completion = "Happy to help.") =>
        Gateway.SendAsync(GatewayCall
            .PostJson("/chat/chat/completions?api-version=2024-10-21", new JObject { ["messages"] = new JArray(new JObject { ["role"] = "user", ["content"] = prompt }) }.ToString())
            .WithHeader("x-completion", completion));

    private static ServiceResponse Completion(ServiceRequest request) => ServiceResponse.Json(new JObject
    {
        ["choices"] = new JArray(new JObject
        {
            ["index"] = 0,
            ["message"] = new JObject { ["role"] = "assistant", ["content"] = request.Headers.GetValueOrDefault("x-completion") ?? string.Empty },
        }),
    });
}
