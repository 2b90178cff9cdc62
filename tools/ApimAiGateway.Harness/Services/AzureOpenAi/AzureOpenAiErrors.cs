using System.Globalization;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>
/// The error answers of the service, with the bodies and codes Azure OpenAI sends. The platform (routing, keys,
/// quota) answers <c>{"error":{"code","message"}}</c>; the model's own request validation answers OpenAI's shape
/// <c>{"error":{"message","type","param","code"}}</c>, which Azure passes through (seen in the headers and body
/// reported in Azure/azure-sdk-for-net issue 40645).
/// </summary>
internal static class AzureOpenAiErrors
{
    // Azure answers 404 "Resource not found" both for unknown paths and for a missing api-version (reported in
    // MicrosoftDocs/azure-docs issue 114602, which asked for a 400 and was closed without a change).
    public static ServiceResponse ResourceNotFound() => Platform(404, "404", "Resource not found");

    public static ServiceResponse DeploymentNotFound() => Platform(404, "DeploymentNotFound",
        "The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.");

    public static ServiceResponse AccessDenied() => Platform(401, "401",
        "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.");

    /// <summary>The 429 Azure sends when a deployment's token or request rate is used up, with when to retry.</summary>
    public static ServiceResponse RateLimited(string operationName, string apiVersion, string limit, TimeSpan retryAfter)
    {
        var seconds = RetryAfterSeconds(retryAfter);
        return Platform(429, "429",
                $"Requests to the {operationName} Operation under Azure OpenAI API version {apiVersion} have exceeded {limit} rate limit of your current OpenAI S0 pricing tier. Please retry after {seconds} seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.")
            .WithHeader("Retry-After", seconds);
    }

    public static ServiceResponse InternalServerError() => Platform(500, "InternalServerError",
        "The server had an error while processing your request. Sorry about that!");

    public static ServiceResponse ServiceUnavailable() => Platform(503, "ServiceUnavailable",
        "The service is temporarily unable to process your request. Please try again later.");

    public static ServiceResponse ForStatus(int statusCode) => statusCode switch
    {
        500 => InternalServerError(),
        503 => ServiceUnavailable(),
        _ => Platform(statusCode, statusCode.ToString(CultureInfo.InvariantCulture), ReasonPhrases.For(statusCode)),
    };

    public static ServiceResponse InvalidRequest(string message, string? param = null) => ServiceResponse.Json(
        new JObject
        {
            ["error"] = new JObject
            {
                ["message"] = message,
                ["type"] = "invalid_request_error",
                ["param"] = param,
                ["code"] = null,
            },
        },
        400);

    /// <summary>Whole seconds, rounded up so a caller that waits that long is admitted; at least one.</summary>
    public static string RetryAfterSeconds(TimeSpan retryAfter) =>
        Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static ServiceResponse Platform(int statusCode, string code, string message) =>
        ServiceResponse.Json(new JObject { ["error"] = new JObject { ["code"] = code, ["message"] = message } }, statusCode);
}
