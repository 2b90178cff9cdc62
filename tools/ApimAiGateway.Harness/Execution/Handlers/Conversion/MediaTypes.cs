using System.Net.Http.Headers;

namespace ApimAiGateway.Harness.Execution.Handlers.Conversion;

/// <summary>
/// Whether a media type is JSON or XML, the way set-body's liquid binding tells them apart (apim-reference §4.4):
/// application/&lt;kind&gt;, text/&lt;kind&gt; and *+&lt;kind&gt;, for kind json or xml.
/// </summary>
internal static class MediaTypes
{
    public static bool Is(string? mediaType, string kind)
    {
        if (!MediaTypeHeaderValue.TryParse(mediaType?.Trim(), out var parsed) || parsed.MediaType is not { } type)
        {
            return false;
        }

        return type.Equals($"application/{kind}", StringComparison.OrdinalIgnoreCase)
               || type.Equals($"text/{kind}", StringComparison.OrdinalIgnoreCase)
               || type.EndsWith($"+{kind}", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether an Accept header lists a media type of the kind; a bare */* asks for nothing in particular.</summary>
    public static bool Requested(string? accept, string kind) =>
        accept is not null && accept.Split(',').Any(range => Is(range, kind));
}
