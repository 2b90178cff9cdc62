using System.Globalization;
using Microsoft.IdentityModel.Tokens;

namespace ApimAiGateway.Harness.Identity;

/// <summary>
/// Lifetime validation on the gateway's clock. Microsoft.IdentityModel reads the wall clock, so its check is replaced
/// with the same rules against the virtual clock: <c>exp</c> required unless require-expiration-time is false,
/// <c>nbf</c> not after <c>exp</c>, and the token valid from <c>nbf</c> − skew to <c>exp</c> + skew. Failures raise the
/// library's exception types with its messages (IDX10222-IDX10225), which APIM passes on (apim-reference §5.3).
/// </summary>
internal static class VirtualClockLifetime
{
    public static LifetimeValidator For(TimeProvider clock, bool requireExpirationTime, TimeSpan clockSkew) =>
        (notBefore, expires, _, _) =>
        {
            if (expires is null)
            {
                return requireExpirationTime
                    ? throw new SecurityTokenNoExpirationException("IDX10225: Lifetime validation failed. The token is missing an Expiration Time. Tokentype: 'JsonWebToken'.")
                    : NotBeforeHolds(notBefore, clock.GetUtcNow().UtcDateTime, clockSkew);
            }

            if (notBefore > expires)
            {
                throw new SecurityTokenInvalidLifetimeException($"IDX10224: Lifetime validation failed. The NotBefore (UTC): '{Format(notBefore.Value)}' is after Expires (UTC): '{Format(expires.Value)}'.")
                {
                    NotBefore = notBefore,
                    Expires = expires,
                };
            }

            var now = clock.GetUtcNow().UtcDateTime;
            NotBeforeHolds(notBefore, now, clockSkew);
            return expires.Value < now - clockSkew
                ? throw new SecurityTokenExpiredException($"IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '{Format(expires.Value)}', Current time (UTC): '{Format(now)}'.")
                {
                    Expires = expires.Value,
                }
                : true;
        };

    private static bool NotBeforeHolds(DateTime? notBefore, DateTime now, TimeSpan clockSkew) =>
        notBefore is { } from && from > now + clockSkew
            ? throw new SecurityTokenNotYetValidException($"IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom (UTC): '{Format(from)}', Current time (UTC): '{Format(now)}'.")
            {
                NotBefore = from,
            }
            : true;

    private static string Format(DateTime time) => time.ToUniversalTime().ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture);
}
