using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Identity;
using static ApimAiGateway.Harness.Tests.Identity.IdentityFixture;
using static ApimAiGateway.Harness.Tests.Identity.ValidateJwtTests;

namespace ApimAiGateway.Harness.Tests.Identity;

/// <summary>validate-azure-ad-token (apim-reference §4.27, "validate-azure-ad-token" policy page) against the simulated Entra ID.</summary>
public sealed class ValidateAzureAdTokenTests
{
    private const string Tenant = "contoso-tenant";
    private const string Client = "client-app-1";

    private static (SimulatedGateway Gateway, SimulatedEntraId Entra) Setup(string children = "", string attributes = "")
    {
        var builder = GatewayWith($"""
            <validate-azure-ad-token tenant-id="{Tenant}" {attributes}>
              <client-application-ids><application-id>{Client}</application-id></client-application-ids>
              {children}
            </validate-azure-ad-token>
            """);
        var entra = new SimulatedEntraId(builder.Clock);
        entra.MapOn(builder.Network);
        return (builder.Build(), entra);
    }

    [Fact]
    public async Task A_v2_token_of_the_tenant_for_an_allowed_client_passes_reading_the_tenants_openid_configuration()
    {
        var (gateway, entra) = Setup("<audiences><audience>api://orders</audience></audiences>");

        var result = await SendBearer(gateway, entra.IssueToken("api://orders", Client, Tenant));

        Assert.Equal(200, result.StatusCode);
        Assert.Contains(result.Calls, c => c.Request.Uri == SimulatedEntraId.ConfigurationUrl(Tenant));
    }

    [Fact]
    public async Task A_v1_token_names_its_client_in_appid_and_comes_from_sts_windows_net()
    {
        var (gateway, entra) = Setup();

        var result = await SendBearer(gateway, entra.IssueToken("api://orders", Client, Tenant, version1: true));

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task A_client_not_listed_is_refused()
    {
        var (gateway, entra) = Setup();

        var result = await SendBearer(gateway, entra.IssueToken("api://orders", "intruder-app", Tenant));

        Assert.Equal(401, result.StatusCode);
        Assert.Equal("validate-azure-ad-token", result.LastError!.Source);
        Assert.Equal("TokenClaimValueNotAllowed", result.LastError.Reason);
        Assert.Equal("Claim azp value of intruder-app is not allowed. Access denied.", result.LastError.Message);
    }

    [Fact]
    public async Task Another_tenants_token_is_refused_by_issuer()
    {
        var (gateway, entra) = Setup();

        var result = await SendBearer(gateway, entra.IssueToken("api://orders", Client, "fabrikam-tenant"));

        AssertRefused(result, 401, "TokenIssuerNotAllowed");
    }

    [Fact]
    public async Task A_token_signed_by_a_key_entra_did_not_publish_is_refused()
    {
        var (gateway, _) = Setup();
        var forged = TestTokens.Rs256((Token(gateway) with { Issuer = SimulatedEntraId.IssuerV2(Tenant), KeyId = "simulated-entra-key-1" }).WithClaim("azp", Client), OtherRsa);

        var result = await SendBearer(gateway, forged);

        AssertRefused(result, 401, "TokenSignatureInvalid");
    }

    [Fact]
    public async Task Audiences_and_backend_application_ids_limit_the_audience()
    {
        var (gateway, entra) = Setup("<backend-application-ids><application-id>backend-app</application-id></backend-application-ids><audiences><audience>api://orders</audience></audiences>");

        var byAudience = await SendBearer(gateway, entra.IssueToken("api://orders", Client, Tenant));
        var byBackendId = await SendBearer(gateway, entra.IssueToken("backend-app", Client, Tenant));
        var byBackendUri = await SendBearer(gateway, entra.IssueToken("api://backend-app", Client, Tenant));
        var elsewhere = await SendBearer(gateway, entra.IssueToken("api://payroll", Client, Tenant));

        Assert.Equal([200, 200, 200], new[] { byAudience.StatusCode, byBackendId.StatusCode, byBackendUri.StatusCode });
        AssertRefused(elsewhere, 401, "TokenAudienceNotAllowed");
    }

    [Fact]
    public async Task Required_claims_apply_as_in_validate_jwt()
    {
        var (gateway, entra) = Setup("<required-claims><claim name=\"roles\" match=\"any\"><value>Orders.Read</value></claim></required-claims>");

        var withRole = await SendBearer(gateway, entra.IssueToken("api://orders", Client, Tenant, claims: new Dictionary<string, object> { ["roles"] = new[] { "Orders.Read" } }));
        var withoutRole = await SendBearer(gateway, entra.IssueToken("api://orders", Client, Tenant));

        Assert.Equal(200, withRole.StatusCode);
        AssertRefused(withoutRole, 401, "TokenClaimNotFound", "JWT token is missing the following claims: roles. Access denied.");
    }

    [Fact]
    public async Task The_token_is_read_from_the_authorization_header_by_default_and_an_expired_one_is_refused()
    {
        var (gateway, entra) = Setup("", "output-token-variable-name=\"jwt\"");
        var token = entra.IssueToken("api://orders", Client, Tenant, lifetime: TimeSpan.FromMinutes(10));

        var fresh = await SendBearer(gateway, token);
        gateway.VirtualClock!.Advance(TimeSpan.FromMinutes(11));
        var stale = await SendBearer(gateway, token);

        Assert.Equal(Client, ((Harness.Context.Jwt)fresh.Variables["jwt"]).Claims.GetValueOrDefault("azp"));
        AssertRefused(stale, 401, "TokenExpired");
    }

    [Fact]
    public async Task Failed_validation_httpcode_and_message_apply()
    {
        var (gateway, _) = Setup("", "failed-validation-httpcode=\"403\" failed-validation-error-message=\"Entra token required.\"");

        var result = await gateway.SendAsync(GatewayCall.Get("/api/orders"));

        AssertRefused(result, 403, "TokenNotPresent", "Entra token required.");
    }
}
