using System.Xml;
using ApimAiGateway.Harness.Context.Runtime;
using Newtonsoft.Json;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// Turns the current message's body into the template's <c>body</c>. The body is read without consuming it: the
/// render's output replaces it anyway, and a failed render must leave the message as it was.
/// </summary>
internal static class LiquidBodyBinder
{
    /// <summary>The bound body (null when there is none or the content type is neither JSON nor XML), or why it cannot be read.</summary>
    public static (object? Body, string? Failure) Bind(LiquidRenderRequest request)
    {
        var (body, headers) = request.Message == LiquidMessage.Request
            ? (request.Context.Request.Body, request.Context.Request.Headers)
            : (request.Context.Response.Body, request.Context.Response.Headers);
        var format = LiquidBodyFormats.Of(headers.GetValueOrDefault("Content-Type") ?? body?.ContentType);
        var text = format == LiquidBodyFormat.None ? "" : body?.As<string>(preserveContent: true) ?? "";
        if (text.Length == 0)
        {
            return (null, null);
        }

        try
        {
            return format == LiquidBodyFormat.Json
                ? (JsonLiquidModel.Parse(text, request.ParseDate), null)
                : (XmlLiquidModel.Parse(text, request.XsiNil), null);
        }
        catch (Exception exception) when (exception is JsonException or XmlException)
        {
            return (null, $"the {format.ToString().ToUpperInvariant()} body cannot be parsed: {exception.Message}");
        }
    }
}
