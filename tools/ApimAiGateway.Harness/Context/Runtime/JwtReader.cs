using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>
/// Reads a JWT without validating it. Microsoft's docs pass both the bare token
/// (<c>...GetValueOrDefault("Authorization","").Split(' ')[1].AsJwt()</c>, "Use an external cache in Azure API
/// Management policies") and the whole header value (<c>...GetValueOrDefault("Authorization","").AsJwt()</c>,
/// "Advanced request throttling with Azure API Management"), so a leading <c>Bearer</c> scheme is skipped.
/// </summary>
internal static class JwtReader
{
    private const string BearerScheme = "Bearer ";

    private static readonly JsonWebTokenHandler Handler = new();

    public static Jwt? Read(string? input)
    {
        var token = input?.Trim() ?? "";
        if (token.StartsWith(BearerScheme, StringComparison.OrdinalIgnoreCase))
        {
            token = token[BearerScheme.Length..].Trim();
        }

        if (!Handler.CanReadToken(token))
        {
            return null;
        }

        try
        {
            return ToJwt(Handler.ReadJsonWebToken(token));
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenException)
        {
            return null;
        }
    }

    private static Jwt ToJwt(JsonWebToken token)
    {
        var claims = new MultiValueDictionary(StringComparer.Ordinal);
        foreach (var claim in token.Claims)
        {
            claims.Append(claim.Type, claim.Value);
        }

        return new Jwt(claims)
        {
            Algorithm = token.Alg ?? "",
            Audiences = [.. token.Audiences],
            ExpirationTime = OrNull(token.ValidTo),
            Id = token.Id ?? "",
            Issuer = token.Issuer ?? "",
            IssuedAt = OrNull(token.IssuedAt),
            NotBefore = OrNull(token.ValidFrom),
            Subject = token.Subject ?? "",
            Type = token.Typ ?? "",
        };
    }

    // The handler reports an absent time claim as DateTime.MinValue.
    private static DateTime? OrNull(DateTime time) => time == DateTime.MinValue ? null : time;
}
