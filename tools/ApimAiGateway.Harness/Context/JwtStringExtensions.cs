using System.Diagnostics.CodeAnalysis;
using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Context;

/// <summary>JWT helpers on strings ("API Management policy expressions", AsJwt / TryParseJwt).</summary>
public static class JwtStringExtensions
{
    /// <summary>
    /// Parses a JWT without validating it; null when the input is not a readable token. Accepts the bare token
    /// and the whole <c>Authorization</c> value with its <c>Bearer</c> scheme, since Microsoft's docs use both
    /// (see <see cref="JwtReader"/>).
    /// </summary>
    public static Jwt? AsJwt(this string? input) => JwtReader.Read(input);

    public static bool TryParseJwt(this string? input, [NotNullWhen(true)] out Jwt? result)
    {
        result = JwtReader.Read(input);
        return result is not null;
    }
}
