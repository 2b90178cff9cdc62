using ApimAiGateway.Harness.Services;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;

namespace ApimAiGateway.Hosting.Http;

/// <summary>
/// Moves messages between ASP.NET Core's HTTP model and the harness's: request bodies are read whole; a response
/// body is written whole, or, when it is still arriving, chunk by chunk with a flush after each so every server-sent
/// event reaches the client as soon as it is there.
/// </summary>
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
        WriteHead(context, statusCode, reasonPhrase, headers);
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, cancellationToken);
    }

    public static async Task WriteAsync(HttpContext context, int statusCode, string? reasonPhrase,
        IEnumerable<KeyValuePair<string, string[]>> headers, LiveBody body, CancellationToken cancellationToken)
    {
        WriteHead(context, statusCode, reasonPhrase, headers);
        try
        {
            await context.Response.StartAsync(cancellationToken);
            await foreach (var chunk in body.ReadAsync(cancellationToken))
            {
                await context.Response.Body.WriteAsync(chunk, cancellationToken);
                await context.Response.Body.FlushAsync(cancellationToken);
            }
        }
        finally
        {
            // The client is the stream's last reader: when it goes away mid-stream, nothing else will read on, so the
            // sender is stopped here or it would hold the backend's connection until the process ends.
            await body.DisposeAsync();
        }
    }

    public static Task WriteAsync(HttpContext context, ServiceResponse response, CancellationToken cancellationToken)
    {
        var headers = response.Headers.Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value]));
        return response.Live is { } live
            ? WriteAsync(context, response.StatusCode, response.ReasonPhrase, headers, live, cancellationToken)
            : WriteAsync(context, response.StatusCode, response.ReasonPhrase, headers, response.Body, cancellationToken);
    }

    private static void WriteHead(HttpContext context, int statusCode, string? reasonPhrase, IEnumerable<KeyValuePair<string, string[]>> headers)
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
    }
}
