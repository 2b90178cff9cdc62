using ApimAiGateway.Harness.Identity;
using static ApimAiGateway.Harness.Tests.Identity.IdentityFixture;
using static ApimAiGateway.Harness.Tests.Identity.ValidateJwtTests;

namespace ApimAiGateway.Harness.Tests.Identity;

/// <summary>
/// validate-jwt's openid-config (apim-reference §4.26, "validate-jwt" policy page): keys and issuer come from the
/// provider's discovery document and JWKS, fetched over the network, cached an hour, and fetched again on an
/// unknown kid at most every five minutes.
/// </summary>
public sealed class OpenIdConfigurationTests
{
    private static (Harness.Gateway.SimulatedGateway Gateway, SimulatedOpenIdProvider Provider) Setup(string children = "")
    {
        var provider = new SimulatedOpenIdProvider(Issuer, Rsa);
        var builder = GatewayWith($"""<validate-jwt header-name="Authorization"><openid-config url="{provider.ConfigurationUrl}" />{children}</validate-jwt>""");
        provider.MapOn(builder.Network);
        return (builder.Build(), provider);
    }

    private static int MetadataFetches(Harness.Gateway.GatewayResult result) => result.Calls.Count(c => c.Policy == "validate-jwt");

    [Fact]
    public async Task Keys_come_from_the_jwks_the_configuration_names_and_the_calls_are_recorded()
    {
        var (gateway, provider) = Setup();

        var result = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), Rsa));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal([provider.ConfigurationUrl, provider.KeysUrl], result.Calls.Where(c => c.Policy == "validate-jwt").Select(c => c.Request.Uri));
    }

    [Fact]
    public async Task The_configurations_issuer_is_enforced()
    {
        var (gateway, _) = Setup();

        var result = await SendBearer(gateway, TestTokens.Rs256(Token(gateway) with { Issuer = "https://someone-else.test" }, Rsa));

        AssertRefused(result, 401, "TokenIssuerNotAllowed");
    }

    [Fact]
    public async Task Metadata_is_cached_for_an_hour_on_the_virtual_clock()
    {
        var (gateway, _) = Setup();

        var first = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), Rsa));
        gateway.VirtualClock!.Advance(TimeSpan.FromMinutes(59));
        var cached = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), Rsa));
        gateway.VirtualClock.Advance(TimeSpan.FromMinutes(1));
        var refreshed = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), Rsa));

        Assert.Equal(2, MetadataFetches(first));
        Assert.Equal(0, MetadataFetches(cached));
        Assert.Equal(2, MetadataFetches(refreshed));
    }

    [Fact]
    public async Task A_rotated_key_is_found_by_refetching_on_its_unknown_kid()
    {
        var (gateway, provider) = Setup();
        await SendBearer(gateway, TestTokens.Rs256(Token(gateway), Rsa));
        provider.Keys = [Rsa, OtherRsa];
        gateway.VirtualClock!.Advance(TimeSpan.FromMinutes(5));

        var result = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), OtherRsa));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(2, MetadataFetches(result));
    }

    [Fact]
    public async Task An_unknown_kid_refetches_at_most_every_five_minutes()
    {
        var (gateway, provider) = Setup();
        await SendBearer(gateway, TestTokens.Rs256(Token(gateway), Rsa));
        gateway.VirtualClock!.Advance(TimeSpan.FromMinutes(5));
        var bogus = TestTokens.Rs256(Token(gateway) with { KeyId = "bogus" }, Rsa);

        var firstUnknown = await SendBearer(gateway, bogus);
        provider.Keys = [Rsa, OtherRsa];
        gateway.VirtualClock.Advance(TimeSpan.FromMinutes(4));
        var tooSoon = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), OtherRsa));
        gateway.VirtualClock.Advance(TimeSpan.FromMinutes(1));
        var afterInterval = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), OtherRsa));

        AssertRefused(firstUnknown, 401, "TokenSignatureKeyNotFound");
        Assert.Equal(2, MetadataFetches(firstUnknown));
        AssertRefused(tooSoon, 401, "TokenSignatureKeyNotFound");
        Assert.Equal(0, MetadataFetches(tooSoon));
        Assert.Equal(200, afterInterval.StatusCode);
    }

    [Fact]
    public async Task An_unreachable_provider_leaves_no_keys_and_the_token_is_refused()
    {
        var gateway = GatewayWith("""<validate-jwt header-name="Authorization"><openid-config url="https://nowhere.test/.well-known/openid-configuration" /></validate-jwt>""").Build();

        var result = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), Rsa));

        AssertRefused(result, 401, "TokenSignatureKeyNotFound");
        Assert.Contains(result.Trace, e => e.Message.Contains("nowhere.test", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inline_keys_and_configured_keys_are_both_trusted()
    {
        var (gateway, _) = Setup($"<issuer-signing-keys><key id=\"hmac-1\">{Hmac.Base64}</key></issuer-signing-keys>");

        var rsa = await SendBearer(gateway, TestTokens.Rs256(Token(gateway), Rsa));
        var hmac = await SendBearer(gateway, TestTokens.Hs256(Token(gateway), Hmac));

        Assert.Equal(200, rsa.StatusCode);
        Assert.Equal(200, hmac.StatusCode);
    }
}
