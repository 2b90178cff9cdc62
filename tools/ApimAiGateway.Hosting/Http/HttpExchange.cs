using ApimAiGateway.Harness.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;

namespace ApimAiGateway.Hosting.Http;

/// <summary>Moves messages between ASP.NET Core's HTTP model and the harness's: request bodies are read whole, responses written whole.</summary>
internal static class HttpExchange
{
    public static Uri AbsoluteUrl(HttpRequest request) => new(request.GetEncodedUrl());

    public static IEnumerable<KeyValuePair<string, string[]>> CopiedHeaders(IHeaderDictionary headers) =>
        headers.Where(h => HttpHeaderRules.IsCopied(h.Key)).Select(h => new KeyValuePair<string, string[]>(h.Key, h.Value.Where(v => v is not null).ToArray()!));

    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    public static async Task WriteAsync(HttpContext context, int statusCode, string? reasonPhrase,
        IEnumerable<KeyValuePair<string, string[]>> headers, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        if (reasonPhrase is not null && context.Features.Get<IHttpResponseFeature>() is { } feature)
        {
            feature.ReasonPhrase = reasonPhrase;
        }

        foreach (var (name, values) in headers.Where(h => HttpHeaderRules.IsCopied(h.Key)))
        {
            response.Headers[name] = values;
        }

        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, cancellationToken);
    }

    public static Task WriteAsync(HttpContext context, ServiceResponse response, CancellationToken cancellationToken) =>
        WriteAsync(context, response.StatusCode, response.ReasonPhrase,
            response.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value])), response.Body, cancellationToken);
}
