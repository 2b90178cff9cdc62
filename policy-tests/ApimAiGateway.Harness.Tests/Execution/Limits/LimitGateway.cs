using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Tests.Execution.Limits;

/// <summary>A gateway with two APIs in one product and two subscriptions, for the limit policies' tests.</summary>
internal static class LimitGateway
{
    public const string Backend = "backend.test";

    public static GatewayBuilder Create(Func<ServiceRequest, ServiceResponse>? backend = null) => new GatewayBuilder()
        .WithApi("chat", "chat", $"https://{Backend}/v1")
        .WithApi("embed", "embed", $"https://{Backend}/v2")
        .WithProduct("gold", "chat", "embed")
        .WithSubscription("sub-1", "key-1", "gold")
        .WithSubscription("sub-2", "key-2", "gold")
        .WithService(Backend, backend ?? (_ => ServiceResponse.Json("""{"ok":true}""")));

    public static GatewayCall Call(string path = "/chat/ping", string key = "key-1") =>
        GatewayCall.Get(path).WithHeader("Ocp-Apim-Subscription-Key", key);

    /// <summary>A whole policy document: the given inbound (and outbound) around a forward-request.</summary>
    public static string Policy(string inbound, string outbound = "") =>
        $"<policies><inbound>{inbound}</inbound><backend><forward-request /></backend><outbound>{outbound}</outbound><on-error /></policies>";
}
