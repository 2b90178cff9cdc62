using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Execution.Caching;

/// <summary>
/// A response as cache-store kept it: an immutable copy, so later edits to the response of the storing request (or
/// of a request served from the cache) never reach the cache. It knows when it expires, for the max-age of hits.
/// </summary>
internal sealed class CachedResponse
{
    private readonly int _statusCode;
    private readonly string _statusReason;
    private readonly IReadOnlyList<(string Name, string[] Values)> _headers;
    private readonly byte[]? _body;
    private readonly string? _contentType;

    private CachedResponse(GatewayResponse response, DateTimeOffset expiresAt)
    {
        _statusCode = response.StatusCode;
        _statusReason = response.StatusReason;
        _headers = [.. response.Headers.Select(h => (h.Key, h.Value.ToArray()))];
        _body = response.Body?.Content.ToArray();
        _contentType = response.Body?.ContentType;
        ExpiresAt = expiresAt;
    }

    public DateTimeOffset ExpiresAt { get; }

    public static CachedResponse Of(GatewayResponse response, DateTimeOffset expiresAt) => new(response, expiresAt);

    public GatewayResponse ToResponse()
    {
        var response = new GatewayResponse { StatusCode = _statusCode, StatusReason = _statusReason };
        foreach (var (name, values) in _headers)
        {
            response.Headers.Set(name, [.. values]);
        }

        if (_body is not null)
        {
            response.Body = new MessageBody([.. _body], _contentType);
        }

        return response;
    }
}
