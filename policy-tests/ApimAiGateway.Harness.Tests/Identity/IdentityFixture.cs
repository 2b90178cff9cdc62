using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Identity;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Tests.Identity;

/// <summary>Keys (generated once: RSA generation is slow) and a gateway whose backend echoes the Authorization it got.</summary>
internal static class IdentityFixture
{
    public const string Backend = "backend.test";
    public const string Issuer = "https://issuer.test";
    public const string Audience = "api://gateway";

    public static readonly TestSigningKey Rsa = TestSigningKey.Rsa("rsa-1");
    public static readonly TestSigningKey OtherRsa = TestSigningKey.Rsa("rsa-2");
    public static readonly TestSigningKey Hmac = TestSigningKey.Symmetric("hmac-1");

    public static GatewayBuilder GatewayWith(string inbound) => new GatewayBuilder()
        .WithApi("api", "api", $"https://{Backend}/", subscriptionRequired: false)
        .WithService(Backend, request => ServiceResponse.Json($$"""{"authorization":"{{request.Headers.GetValueOrDefault("Authorization")}}"}"""))
        .WithGlobalPolicy($"<policies><inbound>{inbound}</inbound><backend><forward-request /></backend><outbound /><on-error /></policies>");

    public static DateTimeOffset Now(SimulatedGateway gateway) => gateway.VirtualClock!.GetUtcNow();

    /// <summary>A token from <see cref="Issuer"/> for <see cref="Audience"/>, valid for an hour from the gateway's now.</summary>
    public static TestTokenDescriptor Token(SimulatedGateway gateway) =>
        TestTokenDescriptor.ValidFor(Now(gateway), TimeSpan.FromHours(1)) with { Issuer = Issuer, Audiences = [Audience], Subject = "alice" };

    public static Task<GatewayResult> SendBearer(SimulatedGateway gateway, string token) =>
        gateway.SendAsync(GatewayCall.Get("/api/orders").WithHeader("Authorization", "Bearer " + token));
}
