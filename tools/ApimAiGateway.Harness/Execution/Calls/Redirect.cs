using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Execution.Calls;

/// <summary>
/// How the gateway follows a backend redirect when forward-request has follow-redirects="true". APIM documents only
/// that redirects are followed; the rules here are those of .NET's HttpClient, which the gateway runs on: 301 and
/// 302 turn a POST into a GET, 303 turns everything but HEAD into a GET, 307 and 308 resend the same method and
/// body; a GET drops the body and its Content-Type; the Authorization header is not sent on; at most
/// <see cref="MaxHops"/> redirects (HttpClientHandler's default) are followed, and past that the last redirect is
/// returned as it is.
/// </summary>
public static class Redirect
{
    public const int MaxHops = 50;

    /// <summary>The request that follows <paramref name="response"/>; null when it is not a redirect to follow.</summary>
    public static ServiceRequest? Next(ServiceRequest request, ServiceResponse response)
    {
        if (response.StatusCode is not (301 or 302 or 303 or 307 or 308)
            || response.Headers.GetValueOrDefault("Location") is not { } location
            || !Uri.TryCreate(request.Uri, location, out var target))
        {
            return null;
        }

        var method = response.StatusCode switch
        {
            301 or 302 when request.Method == "POST" => "GET",
            303 when request.Method != "HEAD" => "GET",
            _ => request.Method,
        };
        var keepsBody = method == request.Method;
        var headers = ServiceHeaders.From(request.Headers
            .Where(h => !h.Key.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
                        && (keepsBody || !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            .Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value])));
        return new ServiceRequest(method, target, headers, keepsBody ? request.Body.Span : default);
    }
}
