using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Identity;
using static ApimAiGateway.Harness.Tests.Identity.IdentityFixture;

namespace ApimAiGateway.Harness.Tests.Identity;

/// <summary>
/// validate-jwt with inline keys (apim-reference §4.26, "validate-jwt" policy page; reasons and messages from §5.3,
/// "Error handling in API Management policies").
/// </summary>
public sealed class ValidateJwtTests
{
    private static readonly string RsaKeys = $"""<issuer-signing-keys><key id="rsa-1" n="{Rsa.Modulus}" e="{Rsa.Exponent}" /></issuer-signing-keys>""";

    private static string Policy(string attributes = "", string children = "") => $"""
        <validate-jwt header-name="Authorization" {attributes}>
          {(children.Contains("issuer-signing-keys", StringComparison.Ordinal) ? "" : RsaKeys)}
          {children}
        </validate-jwt>
        """;

    [Theory]
    [InlineData("RS256")]
    [InlineData("RS384")]
    [InlineData("RS512")]
    [InlineData("PS256")]
    [InlineData("PS512")]
    public async Task A_token_signed_by_an_rsa_key_given_by_modulus_and_exponent_passes(string algorithm)
    {
        var gateway = GatewayWith(Policy()).Build();
        var token = TestTokens.Sign(Token(gateway), Rsa, algorithm);

        var result = await SendBearer(gateway, token);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("Bearer " + token, (string?)result.BodyJson!["authorization"]);
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("HS384")]
    [InlineData("HS512")]
    public async Task A_token_signed_by_an_inline_base64_symmetric_key_passes(string algorithm)
    {
        var gateway = GatewayWith(Policy(children: $"<issuer-signing-keys><key>{Hmac.Base64}</key></issuer-signing-keys>")).Build();

        var result = await SendBearer(gateway, TestTokens.Sign(Token(gateway), Hmac, algorithm));

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task A_missing_token_fails_401_with_token_not_present()
    {
        var gateway = GatewayWith(Policy()).Build();

        var result = await gateway.SendAsync(GatewayCall.Get("/api/orders"));

        AssertRefused(result, 401, "TokenNotPresent", "JWT not present.");
        Assert.Empty(result.BackendCalls);
        Assert.Equal(401, (int)result.BodyJson!["statusCode"]!);
        Assert.Equal("JWT not present.", (string?)result.BodyJson!["message"]);
    }

    [Fact]
    public async Task An_alg_none_token_fails_as_an_invalid_signature_while_signed_tokens_are_required()
    {
        var gateway = GatewayWith(Policy()).Build();

        var result = await SendBearer(gateway, TestTokens.Unsigned(Token(gateway)));

        AssertRefused(result, 401, "TokenSignatureInvalid");
        Assert.EndsWith(". Access denied.", result.LastError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_alg_none_token_passes_when_require_signed_tokens_is_false()
    {
        var gateway = GatewayWith(Policy("require-signed-tokens=\"false\"")).Build();

        var result = await SendBearer(gateway, TestTokens.Unsigned(Token(gateway)));

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task A_tampered_payload_fails_the_signature_check()
    {
        var gateway = GatewayWith(Policy()).Build();
        var token = TestTokens.Tamper(TestTokens.Rs256(Token(gateway), Rsa), "sub", "mallory");

        var result = await SendBearer(gateway, token);

        AssertRefused(result, 401, "TokenSignatureInvalid");
    }

    [Fact]
    public async Task A_token_signed_by_another_key_under_the_same_kid_fails_the_signature_check()
    {
        var gateway = GatewayWith(Policy()).Build();

        var result = await SendBearer(gateway, TestTokens.Rs256(Token(gateway) with { KeyId = "rsa-1" }, OtherRsa));

        AssertRefused(result, 401, "TokenSignatureInvalid");
    }

    [Fact]
    public async Task A_kid_no_configured_key_has_fails_with_signature_key_not_found()
    {
        var gateway = GatewayWith(Policy()).Build();

        var result = await SendBearer(gateway, TestTokens.Rs256(Token(gateway) with { KeyId = "unknown-kid" }, Rsa));

        AssertRefused(result, 401, "TokenSignatureKeyNotFound");
        Assert.EndsWith(". Access denied.", result.LastError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_without_an_id_are_tried_for_any_kid()
    {
        var gateway = GatewayWith(Policy(children: $"""<issuer-signing-keys><key>{Hmac.Base64}</key><key n="{Rsa.Modulus}" e="{Rsa.Exponent}" /></issuer-signing-keys>""")).Build();

        var result = await SendBearer(gateway, TestTokens.Rs256(Token(gateway) with { KeyId = "whatever" }, Rsa));

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_fails_with_token_expired()
    {
        var gateway = GatewayWith(Policy()).Build();
        var token = TestTokens.Rs256(Token(gateway), Rsa);
        gateway.VirtualClock!.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        var result = await SendBearer(gateway, token);

        AssertRefused(result, 401, "TokenExpired");
        Assert.StartsWith("IDX10223: Lifetime validation failed. The token is expired.", result.LastError!.Message, StringComparison.Ordinal);
        Assert.EndsWith(". Access denied.", result.LastError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expiry_is_judged_on_the_virtual_clock_exactly_at_exp_the_token_still_passes()
    {
        var gateway = GatewayWith(Policy()).Build();
        var token = TestTokens.Rs256(Token(gateway), Rsa);
        gateway.VirtualClock!.Advance(TimeSpan.FromHours(1));

        var atExpiry = await SendBearer(gateway, token);
        gateway.VirtualClock.Advance(TimeSpan.FromSeconds(1));
        var after = await SendBearer(gateway, token);

        Assert.Equal(200, atExpiry.StatusCode);
        Assert.Equal("TokenExpired", after.LastError!.Reason);
    }

    [Fact]
    public async Task Clock_skew_accepts_a_token_up_to_that_many_seconds_past_exp_and_not_one_more()
    {
        var gateway = GatewayWith(Policy("clock-skew=\"30\"")).Build();
        var token = TestTokens.Rs256(Token(gateway), Rsa);
        gateway.VirtualClock!.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(30));

        var atSkew = await SendBearer(gateway, token);
        gateway.VirtualClock.Advance(TimeSpan.FromSeconds(1));
        var pastSkew = await SendBearer(gateway, token);

        Assert.Equal(200, atSkew.StatusCode);
        Assert.Equal("TokenExpired", pastSkew.LastError!.Reason);
    }

    [Fact]
    public async Task Clock_skew_also_accepts_a_token_whose_nbf_is_that_close_in_the_future()
    {
        var gateway = GatewayWith(Policy("clock-skew=\"60\"")).Build();
        var now = Now(gateway);
        var early = Token(gateway) with { NotBefore = now.AddSeconds(60) };
        var tooEarly = Token(gateway) with { NotBefore = now.AddSeconds(61) };

        var passes = await SendBearer(gateway, TestTokens.Rs256(early, Rsa));
        var fails = await SendBearer(gateway, TestTokens.Rs256(tooEarly, Rsa));

        Assert.Equal(200, passes.StatusCode);
        AssertRefused(fails, 401, "JwtInvalid");
        Assert.StartsWith("IDX10222: Lifetime validation failed. The token is not yet valid.", fails.LastError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_exp_fails_unless_require_expiration_time_is_false()
    {
        var required = GatewayWith(Policy()).Build();
        var optional = GatewayWith(Policy("require-expiration-time=\"false\"")).Build();
        var token = TestTokens.Rs256(Token(required) with { Expires = null }, Rsa);

        var refused = await SendBearer(required, token);
        var accepted = await SendBearer(optional, token);

        AssertRefused(refused, 401, "JwtInvalid");
        Assert.Equal(200, accepted.StatusCode);
    }

    [Fact]
    public async Task The_audience_must_be_one_of_the_listed_audiences()
    {
        var gateway = GatewayWith(Policy(children: "<audiences><audience>api://other</audience><audience>api://gateway</audience></audiences>")).Build();

        var listed = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), Rsa));
        var unlisted = await SendBearer(gateway, TestTokens.Rs256(Token(gateway) with { Audiences = ["api://elsewhere"] }, Rsa));

        Assert.Equal(200, listed.StatusCode);
        AssertRefused(unlisted, 401, "TokenAudienceNotAllowed");
    }

    [Fact]
    public async Task The_issuer_must_be_one_of_the_listed_issuers()
    {
        var gateway = GatewayWith(Policy(children: $"<issuers><issuer>{Issuer}</issuer></issuers>")).Build();

        var listed = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), Rsa));
        var unlisted = await SendBearer(gateway, TestTokens.Rs256(Token(gateway) with { Issuer = "https://evil.test" }, Rsa));

        Assert.Equal(200, listed.StatusCode);
        AssertRefused(unlisted, 401, "TokenIssuerNotAllowed");
    }

    [Fact]
    public async Task Failed_validation_httpcode_and_error_message_replace_the_defaults()
    {
        var gateway = GatewayWith(Policy("failed-validation-httpcode=\"403\" failed-validation-error-message=\"Go away.\"")).Build();

        var result = await gateway.SendAsync(GatewayCall.Get("/api/orders"));

        AssertRefused(result, 403, "TokenNotPresent", "Go away.");
        Assert.Equal("Go away.", (string?)result.BodyJson!["message"]);
    }

    [Fact]
    public async Task Require_scheme_refuses_an_authorization_header_with_another_scheme()
    {
        var gateway = GatewayWith(Policy("require-scheme=\"Bearer\"")).Build();
        var token = TestTokens.Rs256(Token(gateway), Rsa);

        var bearer = await SendBearer(gateway, token);
        var other = await gateway.SendAsync(GatewayCall.Get("/api/orders").WithHeader("Authorization", "Token " + token));

        Assert.Equal(200, bearer.StatusCode);
        AssertRefused(other, 401, "TokenNotPresent");
    }

    [Fact]
    public async Task A_custom_header_carries_the_bare_token_and_ignores_require_scheme()
    {
        var gateway = GatewayWith($"""<validate-jwt header-name="x-token" require-scheme="Bearer">{RsaKeys}</validate-jwt>""").Build();

        var result = await gateway.SendAsync(GatewayCall.Get("/api/orders").WithHeader("x-token", TestTokens.Rs256(Token(gateway), Rsa)));

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task The_token_may_come_from_a_query_parameter()
    {
        var gateway = GatewayWith($"""<validate-jwt query-parameter-name="access_token">{RsaKeys}</validate-jwt>""").Build();

        var result = await gateway.SendAsync(GatewayCall.Get("/api/orders?access_token=" + TestTokens.Rs256(Token(gateway), Rsa)));

        Assert.Equal(200, result.StatusCode);
    }

    [Fact]
    public async Task The_token_may_come_from_an_expression()
    {
        var gateway = GatewayWith($"""<validate-jwt token-value="@(context.Request.Headers.GetValueOrDefault(&quot;x-jwt&quot;, &quot;&quot;))">{RsaKeys}</validate-jwt>""").Build();

        var present = await gateway.SendAsync(GatewayCall.Get("/api/orders").WithHeader("x-jwt", TestTokens.Rs256(Token(gateway), Rsa)));
        var absent = await gateway.SendAsync(GatewayCall.Get("/api/orders"));

        Assert.Equal(200, present.StatusCode);
        AssertRefused(absent, 401, "TokenNotPresent", "JWT not present.");
    }

    [Fact]
    public async Task A_string_that_is_no_jwt_fails_as_jwt_invalid_with_the_library_message_alone()
    {
        var gateway = GatewayWith(Policy()).Build();

        var result = await SendBearer(gateway, "not-a-jwt");

        AssertRefused(result, 401, "JwtInvalid");
        Assert.DoesNotContain("Access denied.", result.LastError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_output_variable_receives_the_validated_token_as_a_jwt()
    {
        var gateway = GatewayWith(Policy("output-token-variable-name=\"jwt\"") + "<set-variable name=\"who\" value=\"@(((Jwt)context.Variables[&quot;jwt&quot;]).Subject)\" />").Build();

        var result = await SendBearer(gateway, TestTokens.Rs256(Token(gateway).WithClaim("roles", new[] { "reader", "writer" }), Rsa));

        var jwt = Assert.IsType<Jwt>(result.Variables["jwt"]);
        Assert.Equal("alice", result.Variables["who"]);
        Assert.Equal(Issuer, jwt.Issuer);
        Assert.Equal(["reader", "writer"], jwt.Claims["roles"]);
    }

    [Fact]
    public async Task An_encrypted_token_is_decrypted_with_a_decryption_key_and_then_validated()
    {
        var encryption = TestSigningKey.Symmetric("enc-1", System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var gateway = GatewayWith(Policy("output-token-variable-name=\"jwt\"", $"{RsaKeys}<decryption-keys><key id=\"enc-1\">{encryption.Base64}</key></decryption-keys>")).Build();
        var token = TestTokens.Encrypt(TestTokens.Rs256(Token(gateway), Rsa), encryption);

        var result = await SendBearer(gateway, token);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("alice", ((Jwt)result.Variables["jwt"]).Subject);
    }

    [Fact]
    public async Task A_failure_flows_to_on_error_with_validate_jwt_as_the_source()
    {
        var gateway = new GatewayBuilder()
            .WithApi("api", "api", $"https://{Backend}/", subscriptionRequired: false)
            .WithGlobalPolicy($"""
                <policies>
                  <inbound>{Policy()}</inbound>
                  <backend><forward-request /></backend>
                  <outbound />
                  <on-error><set-variable name="status" value="@(context.Response.StatusCode)" /><return-response><set-status code="418" reason="Handled" /><set-body>@(context.LastError.Source + "|" + context.LastError.Reason)</set-body></return-response></on-error>
                </policies>
                """).Build();

        var result = await gateway.SendAsync(GatewayCall.Get("/api/orders"));

        Assert.Equal(418, result.StatusCode);
        Assert.Equal("validate-jwt|TokenNotPresent", result.BodyText);
        Assert.Equal(401, result.Variables["status"]);
    }

    [Fact]
    public async Task A_certificate_key_is_left_out_with_a_note_since_certificates_are_not_emulated()
    {
        var gateway = GatewayWith(Policy(children: """<issuer-signing-keys><key certificate-id="my-cert" /></issuer-signing-keys>""")).Build();

        var result = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), Rsa));

        AssertRefused(result, 401, "TokenSignatureKeyNotFound");
        Assert.Contains(result.Trace, e => e.Message.Contains("certificate-id 'my-cert'", StringComparison.Ordinal));
    }

    internal static void AssertRefused(GatewayResult result, int status, string reason, string? message = null)
    {
        Assert.Equal(status, result.StatusCode);
        Assert.NotNull(result.LastError);
        Assert.Equal(reason, result.LastError.Reason);
        if (message is not null)
        {
            Assert.Equal(message, result.LastError.Message);
        }
    }
}
