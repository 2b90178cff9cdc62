using ApimAiGateway.Harness.Identity;
using static ApimAiGateway.Fragments.Tests.IdentityGateway;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// caller-identity (fragments/caller-identity.xml): an Entra ID bearer token of the configured tenant, for the
/// gateway's audience, holding the required roles; the caller's id, app and department for the fragments after it.
/// Paired with error-response in on-error, as its contract requires for the 401 body.
/// </summary>
public sealed class CallerIdentityTests
{
    [Fact]
    public async Task A_valid_token_reaches_the_backend_and_exposes_the_caller()
    {
        var gateway = Build();
        var token = gateway.Token(new Dictionary<string, object>
        {
            ["roles"] = new[] { "Other.Role", RequiredRole },
            ["oid"] = "caller-oid-1",
            ["department"] = "Finance",
        });

        var result = await gateway.Send(token);

        Assert.Equal(200, result.StatusCode);
        Assert.Single(result.BackendCalls);
        Assert.Equal("caller-oid-1", result.Variables["caller-id"]);
        Assert.Equal(ClientApp, result.Variables["caller-app-id"]);
        Assert.Equal("Finance", result.Variables["caller-department"]);
    }

    [Fact]
    public async Task A_v1_token_names_its_app_in_appid_and_without_oid_or_department_the_subject_and_empty_stand_in()
    {
        var gateway = Build();
        var token = gateway.Token(new Dictionary<string, object> { ["roles"] = new[] { RequiredRole } }, version1: true);

        var result = await gateway.Send(token);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(ClientApp, result.Variables["caller-id"]);
        Assert.Equal(ClientApp, result.Variables["caller-app-id"]);
        Assert.Equal("", result.Variables["caller-department"]);
    }

    [Fact]
    public async Task A_v2_token_whose_audience_is_the_gateway_apps_client_id_is_accepted()
    {
        // Entra ID v2.0 access tokens carry the resource app's client id as aud; v1 tokens carry the App ID URI.
        var gateway = Build();

        var result = await gateway.Send(gateway.Token(audience: gateway.ClientId));

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task No_token_is_401_with_a_bearer_challenge_and_the_backend_is_not_called()
    {
        var gateway = Build();

        var result = await gateway.Send(null);

        AssertError(result, 401, "Unauthorized", "An access token is required.");
        Assert.Equal("Bearer", result.Header("WWW-Authenticate"));
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task A_tampered_token_is_refused_by_its_signature()
    {
        var gateway = Build();
        var tampered = TestTokens.Tamper(gateway.Token(new Dictionary<string, object> { ["oid"] = "caller-oid-1" }), "roles", new[] { RequiredRole });

        var result = await gateway.Send(tampered);

        AssertError(result, 401, "Unauthorized", "The access token is not valid.");
        Assert.Equal("TokenSignatureInvalid", result.LastError!.Reason);
        Assert.Equal("Bearer error=\"invalid_token\"", result.Header("WWW-Authenticate"));
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task Another_tenants_token_is_refused_although_entra_signs_it_with_the_same_keys()
    {
        var gateway = Build();

        var result = await gateway.Send(gateway.Token(tenant: "99999999-9999-9999-9999-999999999999"));

        AssertError(result, 401, "Unauthorized", "The access token is not valid.");
        Assert.Equal("TokenIssuerNotAllowed", result.LastError!.Reason);
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_refused()
    {
        var gateway = Build();

        var result = await gateway.Send(gateway.Token(audience: "api://payroll"));

        AssertError(result, 401, "Unauthorized", "The access token is not valid.");
        Assert.Equal("TokenAudienceNotAllowed", result.LastError!.Reason);
    }

    [Fact]
    public async Task An_expired_token_is_refused_on_the_virtual_clock()
    {
        var gateway = Build();
        var token = gateway.Token();

        var fresh = await gateway.Send(token);
        gateway.Gateway.VirtualClock!.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var stale = await gateway.Send(token);

        Assert.Equal(200, fresh.StatusCode);
        AssertError(stale, 401, "Unauthorized", "The access token is not valid.");
        Assert.Equal("TokenExpired", stale.LastError!.Reason);
    }

    [Fact]
    public async Task A_token_without_the_bearer_scheme_is_refused_as_absent()
    {
        // validate-jwt with require-scheme treats an Authorization header of another scheme as no token (TokenNotPresent).
        var gateway = Build();

        var result = await gateway.Gateway.SendAsync(Harness.Gateway.GatewayCall.PostJson("/openai/chat", "{}").WithHeader("Authorization", gateway.Token()));

        AssertError(result, 401, "Unauthorized", "An access token is required.");
        Assert.Equal("TokenNotPresent", result.LastError!.Reason);
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task A_valid_token_without_the_required_role_is_403_and_names_no_role()
    {
        var gateway = Build();

        var withoutRoles = await gateway.Send(gateway.Token(new Dictionary<string, object> { ["oid"] = "caller-oid-1" }));
        var otherRole = await gateway.Send(gateway.Token(new Dictionary<string, object> { ["roles"] = new[] { "aigateway.invoke" } }));

        AssertError(withoutRoles, 403, "Forbidden", "The caller does not hold a role this API requires.");
        AssertError(otherRole, 403, "Forbidden", "The caller does not hold a role this API requires.");
        Assert.DoesNotContain(RequiredRole, withoutRoles.BodyText);
        Assert.Empty(withoutRoles.BackendCalls);
        Assert.Empty(otherRole.BackendCalls);
    }

    [Fact]
    public async Task The_department_claim_cannot_be_supplied_by_the_caller_outside_the_signed_token()
    {
        // Only the signed token speaks for the caller: a department header or a forged claim changes nothing.
        var gateway = Build();
        var forged = TestTokens.Tamper(gateway.Token(), "department", "Executive");

        var viaHeader = await gateway.Gateway.SendAsync(Harness.Gateway.GatewayCall.PostJson("/openai/chat", "{}")
            .WithHeader("Authorization", "Bearer " + gateway.Token()).WithHeader("department", "Executive"));
        var viaForgery = await gateway.Send(forged);

        Assert.Equal("", viaHeader.Variables["caller-department"]);
        Assert.Equal(401, viaForgery.StatusCode);
    }
}
