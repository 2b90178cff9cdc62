using ApimAiGateway.Harness.Gateway;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Policies.Tests;

/// <summary>The gateway's one error shape: {"error":{"code","message","requestId"}} as JSON, and nothing else.</summary>
internal static class ErrorShape
{
    /// <returns>The error object, for further checks.</returns>
    public static JObject Assert(GatewayResult result, int status, string code)
    {
        Xunit.Assert.Equal(status, result.StatusCode);
        Xunit.Assert.StartsWith("application/json", result.Header("Content-Type"));
        var body = Xunit.Assert.IsType<JObject>(result.BodyJson);
        Xunit.Assert.Equal(["error"], body.Properties().Select(p => p.Name));
        var error = Xunit.Assert.IsType<JObject>(body["error"]);
        Xunit.Assert.Equal(["code", "message", "requestId"], error.Properties().Select(p => p.Name).Order());
        Xunit.Assert.Equal(code, (string?)error["code"]);
        Xunit.Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        Xunit.Assert.True(Guid.TryParse((string?)error["requestId"], out _), $"requestId is not a request id: {error["requestId"]}");
        return error;
    }

    /// <summary>Nothing about the backends, the gateway's credentials or the caller's secrets is in the body.</summary>
    public static void AssertNothingLeaks(GatewayResult result, params string[] secrets)
    {
        string[] backendDetails = ["openai.azure.com", "aoai-", "169.254.169.254", "login.microsoftonline.com", "Bearer", "api-key", "innererror", "apim-request-id"];
        foreach (var detail in backendDetails.Concat(secrets))
        {
            Xunit.Assert.DoesNotContain(detail, result.BodyText, StringComparison.OrdinalIgnoreCase);
        }
    }
}
