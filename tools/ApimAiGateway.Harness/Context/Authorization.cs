namespace ApimAiGateway.Harness.Context;

/// <summary>
/// What get-authorization-context stores in its context variable: the page's "Authorization object" section defines
/// the class with exactly these two members, and its examples read the token as
/// <c>((Authorization)context.Variables.GetValueOrDefault("auth-context"))?.AccessToken</c>.
/// </summary>
public sealed class Authorization(string accessToken, IReadOnlyDictionary<string, object> claims)
{
    /// <summary>The bearer token to send to the backend.</summary>
    public string AccessToken { get; } = accessToken;

    /// <summary>The claims of the credential provider's token response (RFC 6749 §5.1).</summary>
    public IReadOnlyDictionary<string, object> Claims { get; } = claims;
}
