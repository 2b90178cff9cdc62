using ApimAiGateway.Harness.Services.AzureOpenAi;

namespace ApimAiGateway.Policies.Tests;

/// <summary>
/// Global scope: every caller presents an Entra ID token of the tenant (caller-identity) as well as a subscription
/// key, and every refusal is the one error shape (error-response). The backend is called with the gateway's managed
/// identity, never with anything the caller sent.
/// </summary>
public sealed class AuthenticationTests
{
    private readonly ComposedGateway _gateway = new();

    [Fact]
    public async Task A_call_without_a_token_is_refused_with_401_in_the_error_shape_and_a_bearer_challenge()
    {
        var result = await _gateway.Send(ComposedGateway.WithToken(null, ComposedGateway.Body("Hello")));

        var error = ErrorShape.Assert(result, 401, "Unauthorized");
        Assert.Equal("An access token is required.", (string?)error["message"]);
        Assert.Equal("Bearer", result.Header("WWW-Authenticate"));
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task A_token_of_another_tenant_is_refused_as_invalid()
    {
        var token = _gateway.Token(Caller.Alice, tenant: "99999999-9999-9999-9999-999999999999");
        var result = await _gateway.Send(ComposedGateway.WithToken(token, ComposedGateway.Body("Hello")));

        var error = ErrorShape.Assert(result, 401, "Unauthorized");
        Assert.Equal("The access token is not valid.", (string?)error["message"]);
        Assert.Contains("invalid_token", result.Header("WWW-Authenticate"));
        ErrorShape.AssertNothingLeaks(result, token);
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        var call = _gateway.Call(ComposedGateway.Body("Hello"));
        _gateway.Advance(TimeSpan.FromHours(2));

        var result = await _gateway.Send(call);

        ErrorShape.Assert(result, 401, "Unauthorized");
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task A_valid_token_without_the_required_role_is_forbidden()
    {
        var token = _gateway.Entra.IssueToken(ThisRepository.NamedValue("caller-identity-audience"), ComposedGateway.ClientApp,
            ThisRepository.NamedValue("entra-tenant-id"), claims: new Dictionary<string, object> { ["oid"] = "no-role-oid" });
        var result = await _gateway.Send(ComposedGateway.WithToken(token, ComposedGateway.Body("Hello")));

        ErrorShape.Assert(result, 403, "Forbidden");
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task The_backend_is_called_with_the_gateways_managed_identity_and_never_with_the_callers_credentials()
    {
        var call = _gateway.Call(ComposedGateway.Body("Hello"));
        var callerToken = call.Headers.Single(h => h.Key == "Authorization").Value;

        var result = await _gateway.Send(call);

        Assert.Equal(200, result.StatusCode);
        var sent = Assert.Single(result.BackendCalls).Request;
        Assert.False(sent.Headers.ContainsKey("api-key"));
        Assert.StartsWith("Bearer ", sent.Headers.GetValueOrDefault("Authorization"));
        Assert.NotEqual(callerToken, sent.Headers.GetValueOrDefault("Authorization"));
        Assert.Equal(AzureOpenAiAuthentication.EntraToken, Assert.Single(_gateway.AccountCalls).Authentication);
    }
}
