using ApimAiGateway.Harness.Identity;
using static ApimAiGateway.Harness.Tests.Identity.IdentityFixture;
using static ApimAiGateway.Harness.Tests.Identity.ValidateJwtTests;

namespace ApimAiGateway.Harness.Tests.Identity;

/// <summary>required-claims of validate-jwt ("validate-jwt" policy page: claim name, match all|any, separator; §5.3 messages).</summary>
public sealed class RequiredClaimsTests
{
    private static string Policy(string claims) => $"""
        <validate-jwt header-name="Authorization">
          <issuer-signing-keys><key id="rsa-1" n="{Rsa.Modulus}" e="{Rsa.Exponent}" /></issuer-signing-keys>
          <required-claims>{claims}</required-claims>
        </validate-jwt>
        """;

    [Fact]
    public async Task Missing_claims_are_all_named_in_one_failure()
    {
        var gateway = GatewayWith(Policy("<claim name=\"scp\" /><claim name=\"tid\" />")).Build();

        var result = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), Rsa));

        AssertRefused(result, 401, "TokenClaimNotFound", "JWT token is missing the following claims: scp, tid. Access denied.");
    }

    [Fact]
    public async Task A_claim_without_values_only_has_to_be_present()
    {
        var gateway = GatewayWith(Policy("<claim name=\"tid\" />")).Build();

        var result = await SendBearer(gateway, TestTokens.Rs256(Token(gateway).WithClaim("tid", "contoso"), Rsa));

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task Match_all_is_the_default_and_needs_every_listed_value()
    {
        var gateway = GatewayWith(Policy("<claim name=\"roles\"><value>reader</value><value>writer</value></claim>")).Build();

        var both = await SendBearer(gateway, TestTokens.Rs256(Token(gateway).WithClaim("roles", new[] { "reader", "writer", "admin" }), Rsa));
        var one = await SendBearer(gateway, TestTokens.Rs256(Token(gateway).WithClaim("roles", new[] { "reader" }), Rsa));

        Assert.Equal(200, both.StatusCode);
        AssertRefused(one, 401, "TokenClaimValueNotAllowed", "Claim roles value of reader is not allowed. Access denied.");
    }

    [Fact]
    public async Task Match_any_needs_one_listed_value()
    {
        var gateway = GatewayWith(Policy("<claim name=\"roles\" match=\"any\"><value>admin</value><value>writer</value></claim>")).Build();

        var one = await SendBearer(gateway, TestTokens.Rs256(Token(gateway).WithClaim("roles", new[] { "reader", "writer" }), Rsa));
        var none = await SendBearer(gateway, TestTokens.Rs256(Token(gateway).WithClaim("roles", "reader"), Rsa));

        Assert.Equal(200, one.StatusCode);
        AssertRefused(none, 401, "TokenClaimValueNotAllowed", "Claim roles value of reader is not allowed. Access denied.");
    }

    [Fact]
    public async Task A_separator_splits_a_single_string_claim_into_values()
    {
        var gateway = GatewayWith(Policy("<claim name=\"scp\" match=\"all\" separator=\" \"><value>orders.read</value><value>orders.write</value></claim>")).Build();

        var result = await SendBearer(gateway, TestTokens.Rs256(Token(gateway).WithClaim("scp", "profile orders.read orders.write"), Rsa));

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task Claim_values_may_be_expressions()
    {
        var gateway = GatewayWith(Policy("<claim name=\"tenant\"><value>@(context.Request.Headers.GetValueOrDefault(\"x-tenant\", \"\"))</value></claim>")).Build();
        var token = TestTokens.Rs256(Token(gateway).WithClaim("tenant", "contoso"), Rsa);

        var matching = await gateway.SendAsync(Harness.Gateway.GatewayCall.Get("/api/x").WithHeader("Authorization", "Bearer " + token).WithHeader("x-tenant", "contoso"));
        var other = await gateway.SendAsync(Harness.Gateway.GatewayCall.Get("/api/x").WithHeader("Authorization", "Bearer " + token).WithHeader("x-tenant", "fabrikam"));

        Assert.Equal(200, matching.StatusCode);
        AssertRefused(other, 401, "TokenClaimValueNotAllowed");
    }
}
