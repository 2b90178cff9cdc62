using System.Text.Json.Nodes;

namespace ApimAiGateway.Delivery.Arm;

/// <summary>One answer from ARM, read whole (bounded): status, body, and the headers the client acts on.</summary>
public sealed record ArmResponse(int Status, string Body)
{
    public string? ETag { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Azure-AsyncOperation, else Location: where a long-running operation is followed.</summary>
    public Uri? OperationUrl { get; init; }

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>The body as a JSON object, or null when it is not one (an HTML error page, a truncated answer).</summary>
    public JsonObject? Json()
    {
        try
        {
            return JsonNode.Parse(Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
