using System.Text;
using ApimAiGateway.Harness.Context;

namespace ApimAiGateway.Harness.Tests.Context;

/// <summary>AsBasic / TryParseBasic ("API Management policy expressions") over RFC 7617 header values.</summary>
public sealed class BasicAuthTests
{
    [Fact]
    public void A_basic_header_value_parses_into_user_id_and_password()
    {
        var credentials = Header("alice:s3cret").AsBasic();

        Assert.Equal("alice", credentials?.UserId);
        Assert.Equal("s3cret", credentials?.Password);
    }

    [Fact]
    public void The_password_may_contain_colons_because_the_user_id_ends_at_the_first()
    {
        var credentials = Header("alice:a:b:c").AsBasic();

        Assert.Equal("alice", credentials?.UserId);
        Assert.Equal("a:b:c", credentials?.Password);
    }

    [Theory]
    [InlineData(":pw", "", "pw")]
    [InlineData("alice:", "alice", "")]
    [InlineData("jürgen:pässword", "jürgen", "pässword")]
    public void Empty_parts_and_utf8_are_accepted(string pair, string userId, string password)
    {
        var credentials = Header(pair).AsBasic();

        Assert.Equal(userId, credentials?.UserId);
        Assert.Equal(password, credentials?.Password);
    }

    [Theory]
    [InlineData("basic ")]
    [InlineData("BASIC   ")]
    public void The_scheme_is_case_insensitive(string scheme)
    {
        Assert.Equal("alice", (scheme + Encode("alice:pw")).AsBasic()?.UserId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic")]
    [InlineData("Basic ")]
    [InlineData("Basic !!!not-base64")]
    [InlineData("Bearer YWxpY2U6cHc=")]
    [InlineData("YWxpY2U6cHc=")]
    public void Anything_else_gives_null(string? input)
    {
        Assert.Null(input.AsBasic());
        Assert.False(input.TryParseBasic(out var credentials));
        Assert.Null(credentials);
    }

    [Fact]
    public void A_decoded_value_without_a_colon_gives_null()
    {
        Assert.Null(Header("alice").AsBasic());
    }

    [Fact]
    public void Try_parse_returns_the_credentials()
    {
        Assert.True(Header("alice:pw").TryParseBasic(out var credentials));
        Assert.Equal("pw", credentials.Password);
    }

    private static string Header(string pair) => "Basic " + Encode(pair);

    private static string Encode(string pair) => Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));
}
