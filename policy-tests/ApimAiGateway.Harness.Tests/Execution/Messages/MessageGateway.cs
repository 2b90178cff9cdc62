using System.Text;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Tests.Execution.Messages;

/// <summary>A gateway with API "orders" at /orders forwarding to https://backend.test/api, for the message policies' tests.</summary>
internal static class MessageGateway
{
    public const string Backend = "backend.test";

    public const string Key = "key-1";

    public static GatewayBuilder Builder(Func<ServiceRequest, ServiceResponse>? backend = null, params OperationDefinition[] operations) => new GatewayBuilder()
        .WithApi(new ApiDefinition("orders", "orders", new Uri($"https://{Backend}/api"), operations))
        .WithProduct("gold", "orders")
        .WithSubscription("sub-1", Key, "gold")
        .WithService(Backend, backend ?? (_ => ServiceResponse.Json("""{"ok":true}""")));

    /// <summary>A policy document with the given sections; backend forwards unless told otherwise.</summary>
    public static string Policy(string inbound = "", string outbound = "", string onError = "", string backend = "<forward-request />") =>
        $"<policies><inbound>{inbound}</inbound><backend>{backend}</backend><outbound>{outbound}</outbound><on-error>{onError}</on-error></policies>";

    public static SimulatedGateway Build(string policy, Func<ServiceRequest, ServiceResponse>? backend = null, params OperationDefinition[] operations) =>
        Builder(backend, operations).WithGlobalPolicy(policy).Build();

    public static GatewayCall Call(string method = "GET", string path = "/orders/1") =>
        new GatewayCall(method, path).WithHeader("Ocp-Apim-Subscription-Key", Key);

    public static GatewayCall Post(string path, string body, string contentType) => Call("POST", path) with
    {
        Body = Encoding.UTF8.GetBytes(body),
        ContentType = contentType,
    };

    /// <summary>The query parameters of a URI, sorted: parameter order carries no meaning for the policies here.</summary>
    public static string[] SortedQuery(Uri uri) =>
        [.. uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];

    /// <summary>The request the backend received.</summary>
    public static ServiceRequest Received(GatewayResult result) => Assert.Single(result.BackendCalls).Request;
}
