using System.Text.Json.Nodes;

namespace ApimAiGateway.Delivery.Arm;

/// <summary>Words a failed ARM answer in one line: the error code and message from the JSON body when there is one.</summary>
public static class ArmErrorMessage
{
    private const int MaxMessageLength = 500;

    public static string Describe(ArmResponse response)
    {
        var status = $"HTTP {response.Status}";
        if (response.Status == 412)
        {
            // ARM's text for a failed If-Match is terse; say what it means for a deployment.
            return $"{status}: the resource was changed by someone else after it was read (If-Match did not match); nothing was overwritten, re-run to compare with the new version";
        }

        return ErrorOf(response.Json()) is { } error
            ? $"{status} {error}"
            : $"{status} with {(response.Body.Length == 0 ? "an empty body" : "a body that is not an ARM error (not JSON)")}";
    }

    /// <summary>"code: message" from an ARM error body (<c>{"error": {"code", "message"}}</c>), or null.</summary>
    public static string? ErrorOf(JsonObject? body)
    {
        var error = body?["error"] as JsonObject;
        var code = Text(error?["code"]);
        var message = Text(error?["message"]);
        return code is null && message is null ? null : $"{Cut(code ?? "(no code)")}: {Cut(message ?? "(no message)")}";
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Cut(string text) => LogText.Of(text.ReplaceLineEndings(" "), MaxMessageLength);
}
