using System.Net.Http.Headers;

namespace ApimAiGateway.Harness.Templates;

/// <summary>Picks the <see cref="LiquidBodyFormat"/> of a Content-Type value.</summary>
internal static class LiquidBodyFormats
{
    public static LiquidBodyFormat Of(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed) || parsed.MediaType is not { } mediaType)
        {
            return LiquidBodyFormat.None;
        }

        return mediaType.ToLowerInvariant() switch
        {
            "application/json" or "text/json" => LiquidBodyFormat.Json,
            var type when type.EndsWith("+json", StringComparison.Ordinal) => LiquidBodyFormat.Json,
            "application/xml" or "text/xml" => LiquidBodyFormat.Xml,
            var type when type.EndsWith("+xml", StringComparison.Ordinal) => LiquidBodyFormat.Xml,
            _ => LiquidBodyFormat.None,
        };
    }
}
