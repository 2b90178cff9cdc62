using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApimAiGateway.Harness.Tests.Context;

/// <summary>Mints signed JWTs for tests; the payload is given as JSON so every claim shape is explicit.</summary>
internal static class TestTokens
{
    private static readonly SigningCredentials Credentials = new(
        new SymmetricSecurityKey(Encoding.UTF8.GetBytes("a-test-signing-key-of-32-bytes!!")), SecurityAlgorithms.HmacSha256);

    public static string Mint(string payloadJson) => new JsonWebTokenHandler().CreateToken(payloadJson, Credentials);

    public static long UnixSeconds(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeSeconds();
}
