using System.Text;

namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>
/// Reads an HTTP Basic <c>Authorization</c> value per RFC 7617: scheme <c>Basic</c> (case-insensitive, RFC 9110
/// §11.1), then base64 of <c>user-id ":" password</c>. The user-id ends at the first colon, so the password may
/// contain colons and either part may be empty. Decoded as UTF-8, the only charset RFC 7617 defines.
/// </summary>
internal static class BasicCredentialsReader
{
    private const string BasicScheme = "Basic ";

    public static BasicAuthCredentials? Read(string? headerValue)
    {
        var value = headerValue?.Trim() ?? "";
        if (!value.StartsWith(BasicScheme, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var encoded = value[BasicScheme.Length..].Trim();
        var buffer = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, buffer, out var length))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(buffer, 0, length);
        var colon = decoded.IndexOf(':');
        return colon < 0 ? null : new BasicAuthCredentials(decoded[..colon], decoded[(colon + 1)..]);
    }
}
