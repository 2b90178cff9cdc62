using Microsoft.IdentityModel.Tokens;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// Why a token was refused, as <c>context.LastError</c> reports it for validate-jwt (apim-reference §5.3,
/// "Error handling in API Management policies"): a reason code and APIM's message for it.
/// </summary>
public sealed record JwtValidationFailure(string Reason, string Message)
{
    private const string AccessDenied = "Access denied.";

    public static JwtValidationFailure NotPresent { get; } = new("TokenNotPresent", "JWT not present.");

    public static JwtValidationFailure ClaimsMissing(IEnumerable<string> claims) =>
        new("TokenClaimNotFound", $"JWT token is missing the following claims: {string.Join(", ", claims)}. {AccessDenied}");

    public static JwtValidationFailure ClaimValueNotAllowed(string claim, string value) =>
        new("TokenClaimValueNotAllowed", $"Claim {claim} value of {value} is not allowed. {AccessDenied}");

    /// <summary>
    /// A failure the JWT library reported. The documented reasons get the library's message followed by
    /// "Access denied."; any other failure is JwtInvalid with the library's message alone.
    /// </summary>
    public static JwtValidationFailure FromLibrary(Exception exception)
    {
        var reason = exception switch
        {
            SecurityTokenExpiredException => "TokenExpired",
            SecurityTokenInvalidAudienceException => "TokenAudienceNotAllowed",
            SecurityTokenInvalidIssuerException => "TokenIssuerNotAllowed",
            SecurityTokenSignatureKeyNotFoundException => "TokenSignatureKeyNotFound",
            SecurityTokenInvalidSignatureException => "TokenSignatureInvalid",
            _ => "JwtInvalid",
        };
        return reason == "JwtInvalid"
            ? new JwtValidationFailure(reason, exception.Message)
            : new JwtValidationFailure(reason, $"{exception.Message.TrimEnd().TrimEnd('.')}. {AccessDenied}");
    }
}
