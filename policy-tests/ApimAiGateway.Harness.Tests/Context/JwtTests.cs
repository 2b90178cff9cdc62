using ApimAiGateway.Harness.Context;

namespace ApimAiGateway.Harness.Tests.Context;

/// <summary>AsJwt / TryParseJwt ("API Management policy expressions"): parse without validation, null when invalid.</summary>
public sealed class JwtTests
{
    private static readonly DateTime IssuedAt = new(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    private static readonly string Token = TestTokens.Mint($$"""
        {
          "sub": "alice", "iss": "https://login.test/tenant/", "jti": "token-1",
          "aud": ["api://one", "api://two"], "roles": ["reader", "writer"], "appid": "app-7",
          "iat": {{TestTokens.UnixSeconds(IssuedAt)}},
          "nbf": {{TestTokens.UnixSeconds(IssuedAt)}},
          "exp": {{TestTokens.UnixSeconds(IssuedAt.AddHours(1))}}
        }
        """);

    [Fact]
    public void Registered_claims_map_to_properties()
    {
        var jwt = Token.AsJwt()!;

        Assert.Equal("alice", jwt.Subject);
        Assert.Equal("https://login.test/tenant/", jwt.Issuer);
        Assert.Equal("token-1", jwt.Id);
        Assert.Equal("HS256", jwt.Algorithm);
        Assert.Equal("JWT", jwt.Type);
        Assert.Equal(["api://one", "api://two"], jwt.Audiences);
    }

    [Fact]
    public void Times_are_utc_and_absent_times_are_null()
    {
        var jwt = Token.AsJwt()!;
        var bare = TestTokens.Mint("""{"sub":"bob"}""").AsJwt()!;

        Assert.Equal(IssuedAt.AddHours(1), jwt.ExpirationTime);
        Assert.Equal(DateTimeKind.Utc, jwt.ExpirationTime!.Value.Kind);
        Assert.Equal(IssuedAt, jwt.IssuedAt);
        Assert.Equal(IssuedAt, jwt.NotBefore);
        Assert.Null(bare.ExpirationTime);
        Assert.Null(bare.IssuedAt);
        Assert.Null(bare.NotBefore);
    }

    [Fact]
    public void Claims_keep_every_value_and_lookup_joins_them()
    {
        var claims = Token.AsJwt()!.Claims;

        Assert.Equal(["reader", "writer"], claims["roles"]);
        Assert.Equal("reader,writer", claims.GetValueOrDefault("roles", ""));
        Assert.Equal("app-7", claims.GetValueOrDefault("appid"));
        Assert.Equal("none", claims.GetValueOrDefault("missing", "none"));
    }

    [Fact]
    public void An_expired_token_still_parses()
    {
        var expired = TestTokens.Mint("""{"sub":"old","exp":1000}""").AsJwt();

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1000).UtcDateTime, expired?.ExpirationTime);
    }

    [Theory]
    [InlineData("Bearer ")]
    [InlineData("bearer ")]
    [InlineData("  Bearer   ")]
    public void The_whole_authorization_value_is_accepted(string prefix)
    {
        // "Advanced request throttling with Azure API Management" passes the whole header value to AsJwt().
        Assert.Equal("alice", (prefix + Token).AsJwt()?.Subject);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9.bm90LWpzb24.c2ln")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public void Invalid_tokens_give_null_and_never_throw(string? input)
    {
        Assert.Null(input.AsJwt());
        Assert.False(input.TryParseJwt(out var jwt));
        Assert.Null(jwt);
    }

    [Fact]
    public void Try_parse_returns_the_token()
    {
        Assert.True(Token.TryParseJwt(out var jwt));
        Assert.Equal("alice", jwt.Subject);
    }
}
