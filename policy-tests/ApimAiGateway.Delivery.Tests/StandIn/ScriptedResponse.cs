namespace ApimAiGateway.Delivery.Tests.StandIn;

/// <summary>An answer the stand-in gives instead of its own, once, to a request a test picked.</summary>
public sealed record ScriptedResponse(int Status, string Body = "", string ContentType = "application/json")
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the stand-in also applies the request (a PUT answered 202 still stores the resource).</summary>
    public bool Apply { get; init; }

    public static ScriptedResponse Error(int status, string code, string message) =>
        new(status, new System.Text.Json.Nodes.JsonObject
        {
            ["error"] = new System.Text.Json.Nodes.JsonObject { ["code"] = code, ["message"] = message },
        }.ToJsonString());
}
