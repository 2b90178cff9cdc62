using System.Diagnostics.CodeAnalysis;
using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Context;

/// <summary>HTTP Basic helpers on strings ("API Management policy expressions", AsBasic / TryParseBasic).</summary>
public static class BasicAuthStringExtensions
{
    /// <summary>
    /// Parses an HTTP Basic <c>Authorization</c> header value (<c>Basic base64(user:password)</c>); null when it
    /// is not one (see <see cref="BasicCredentialsReader"/> for the exact rules).
    /// </summary>
    public static BasicAuthCredentials? AsBasic(this string? input) => BasicCredentialsReader.Read(input);

    public static bool TryParseBasic(this string? input, [NotNullWhen(true)] out BasicAuthCredentials? result)
    {
        result = BasicCredentialsReader.Read(input);
        return result is not null;
    }
}
