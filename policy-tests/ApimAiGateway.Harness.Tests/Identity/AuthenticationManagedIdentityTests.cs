using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Identity;
using static ApimAiGateway.Harness.Tests.Identity.IdentityFixture;

namespace ApimAiGateway.Harness.Tests.Identity;

/// <summary>authentication-managed-identity (apim-reference §4.28, "authentication-managed-identity" policy page).</summary>
public sealed class AuthenticationManagedIdentityTests
{
    private static (SimulatedGateway Gateway, SimulatedEntraId Entra) Setup(string policy)
    {
        var builder = GatewayWith(policy);
        var entra = new SimulatedEntraId(builder.Clock).WithUserAssignedIdentity("user-assigned-1");
        entra.MapOn(builder.Network);
        return (builder.Build(), entra);
    }

    private static string BackendAuthorization(GatewayResult result) => (string)result.BodyJson!["authorization"]!;

    [Fact]
    public async Task The_backend_gets_a_bearer_token_for_the_resource_signed_by_entra_id()
    {
        var (gateway, _) = Setup("<authentication-managed-identity resource=\"https://cognitiveservices.azure.com\" />");

        var result = await gateway.SendAsync(GatewayCall.Get("/api/chat"));

        var jwt = BackendAuthorization(result).AsJwt()!;
        Assert.Equal(["https://cognitiveservices.azure.com"], jwt.Audiences);
        Assert.Equal(SimulatedEntraId.SystemAssignedClientId, jwt.Claims.GetValueOrDefault("appid"));
        Assert.Equal(SimulatedEntraId.IssuerV1(SimulatedEntraId.DefaultTenantId), jwt.Issuer);
    }

    [Fact]
    public async Task The_token_validates_against_the_simulated_entra_id()
    {
        var (gateway, entra) = Setup("<authentication-managed-identity resource=\"api://orders\" output-token-variable-name=\"msi\" />");
        var result = await gateway.SendAsync(GatewayCall.Get("/api/chat"));
        var token = (string)result.Variables["msi"];

        var outcome = await JwtValidator.ValidateAsync(token, new JwtValidationRules { Audiences = ["api://orders"], SigningKeys = [entra.SigningKey.ToSecurityKey()] }, gateway.Services.Clock);

        Assert.True(outcome.IsValid);
    }

    [Fact]
    public async Task A_client_id_picks_a_user_assigned_identity()
    {
        var (gateway, _) = Setup("<authentication-managed-identity resource=\"api://orders\" client-id=\"user-assigned-1\" />");

        var result = await gateway.SendAsync(GatewayCall.Get("/api/chat"));

        Assert.Equal("user-assigned-1", BackendAuthorization(result).AsJwt()!.Claims.GetValueOrDefault("appid"));
    }

    [Fact]
    public async Task An_output_variable_receives_the_token_and_the_request_is_left_alone()
    {
        var (gateway, _) = Setup("<authentication-managed-identity resource=\"api://orders\" output-token-variable-name=\"msi\" />");

        var result = await gateway.SendAsync(GatewayCall.Get("/api/chat"));

        Assert.Equal("api://orders", ((string)result.Variables["msi"]).AsJwt()!.Audiences.Single());
        Assert.Equal("", BackendAuthorization(result));
    }

    [Fact]
    public async Task The_token_is_cached_until_it_expires()
    {
        var (gateway, _) = Setup("<authentication-managed-identity resource=\"api://orders\" />");

        var first = await gateway.SendAsync(GatewayCall.Get("/api/chat"));
        gateway.VirtualClock!.Advance(SimulatedEntraId.ManagedIdentityTokenLifetime - TimeSpan.FromSeconds(1));
        var cached = await gateway.SendAsync(GatewayCall.Get("/api/chat"));
        gateway.VirtualClock.Advance(TimeSpan.FromSeconds(1));
        var renewed = await gateway.SendAsync(GatewayCall.Get("/api/chat"));

        Assert.Single(first.Calls, c => c.Policy == "authentication-managed-identity");
        Assert.DoesNotContain(cached.Calls, c => c.Policy == "authentication-managed-identity");
        Assert.Equal(BackendAuthorization(first), BackendAuthorization(cached));
        Assert.Single(renewed.Calls, c => c.Policy == "authentication-managed-identity");
        Assert.NotEqual(BackendAuthorization(first), BackendAuthorization(renewed));
    }

    [Fact]
    public async Task An_unknown_identity_fails_the_request()
    {
        var (gateway, _) = Setup("<authentication-managed-identity resource=\"api://orders\" client-id=\"nobody\" />");

        var result = await gateway.SendAsync(GatewayCall.Get("/api/chat"));

        Assert.Equal(500, result.StatusCode);
        Assert.Equal("authentication-managed-identity", result.LastError!.Source);
        Assert.Contains("Identity not found", result.LastError.Message, StringComparison.Ordinal);
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task Ignore_error_lets_the_request_go_on_without_a_token()
    {
        var (gateway, _) = Setup("<authentication-managed-identity resource=\"api://orders\" client-id=\"nobody\" ignore-error=\"true\" />");

        var result = await gateway.SendAsync(GatewayCall.Get("/api/chat"));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("", BackendAuthorization(result));
    }
}
