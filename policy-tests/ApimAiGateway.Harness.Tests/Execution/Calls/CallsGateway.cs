using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Tests.Execution.Calls;

/// <summary>A gateway with one open API in front of <see cref="Backend"/>, and helpers for the calling policies' tests.</summary>
internal static class CallsGateway
{
    public const string Backend = "backend.test";

    /// <summary>A user-assigned identity the simulated Entra ID knows, besides the system-assigned one.</summary>
    public const string UserAssignedClientId = "11111111-2222";

    public static GatewayBuilder Builder()
    {
        var builder = new GatewayBuilder().WithApi("chat", "chat", $"https://{Backend}/v1", subscriptionRequired: false);
        new ApimAiGateway.Harness.Identity.SimulatedEntraId(builder.Clock).WithUserAssignedIdentity(UserAssignedClientId).MapOn(builder.Network);
        return builder;
    }

    /// <summary>A whole policy document; the backend section forwards unless told otherwise.</summary>
    public static string Policy(string inbound, string backend = "<forward-request />", string outbound = "", string onError = "") =>
        $"<policies><inbound>{inbound}</inbound><backend>{backend}</backend><outbound>{outbound}</outbound><on-error>{onError}</on-error></policies>";

    /// <summary>on-error content that reports LastError as "Source|Reason" in the body.</summary>
    public const string ReportError = "<set-body>@(context.LastError.Source + \"|\" + context.LastError.Reason)</set-body>";

    public static GatewayCall Call(string path = "/chat/ping") => GatewayCall.Get(path);

    /// <summary>
    /// A gateway whose policy runs <paramref name="inbound"/> before forwarding to a backend that answers 200, with
    /// <paramref name="service"/> serving svc.test for the policies to call.
    /// </summary>
    public static SimulatedGateway WithService(IServiceHandler service, string inbound, string outbound = "", string onError = "")
    {
        var builder = Builder().WithService(Backend, _ => ServiceResponse.Status(200));
        builder.Network.Map("svc.test", service);
        return builder.WithGlobalPolicy(Policy(inbound, outbound: outbound, onError: onError)).Build();
    }

    public static SimulatedGateway WithService(Func<ServiceRequest, ServiceResponse> service, string inbound, string outbound = "", string onError = "") =>
        WithService(new DelegateServiceHandler(service), inbound, outbound, onError);

    /// <summary>A service answering <paramref name="response"/> after <paramref name="latency"/> of virtual time.</summary>
    public static IServiceHandler Slow(TimeSpan latency, ServiceResponse response) =>
        new DelegateServiceHandler((_, _) => ServiceOutcome.Respond(response).After(latency));

    /// <summary>Virtual time the gateway has spent since it was built.</summary>
    public static TimeSpan Spent(SimulatedGateway gateway) => gateway.VirtualClock!.GetUtcNow() - GatewayBuilder.DefaultStart;
}
