using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;

namespace ApimAiGateway.Delivery.Arm;

/// <summary>
/// The few ARM REST calls delivery needs, on one API Management service: GET (optionally as raw XML), list with
/// paging, and PUT with If-Match that follows a long-running operation to its end. Retries 408, 429 and 5xx with
/// bounded backoff honouring Retry-After.
/// </summary>
/// <remarks>
/// Built on HttpClient rather than Azure.Core's pipeline: Azure.Core's BearerTokenAuthenticationPolicy refuses plain
/// http, which the local ARM stand-in of the tests speaks, and its RetryPolicy waits without a hook a test can
/// replace. Plain http is accepted only on loopback (<see cref="ArmClientOptions.Validate"/>).
/// </remarks>
public sealed class ArmClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ArmAccessToken _token;
    private readonly ArmClientOptions _options;
    private readonly string _servicePath;

    public ArmClient(ApimServiceAddress service, TokenCredential credential, ArmClientOptions options, HttpMessageHandler? handler = null)
    {
        _options = options;
        _servicePath = service.Path;
        _token = new ArmAccessToken(credential, options.Endpoint);
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.Timeout = TimeSpan.FromMinutes(2);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// GET a resource below the service; a 404 is an answer (the resource is not there), not a failure. A success
    /// always carries a JSON object.
    /// </summary>
    public async Task<ArmResponse> GetAsync(string relativePath, bool rawXml, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Get, Url(relativePath, rawXml), null, null, cancellationToken);
        return response.Status == 404 ? response
            : !response.IsSuccess ? throw Failed(response)
            : response.Json() is null ? throw new ArmRequestException($"HTTP {response.Status}: the answer is not a JSON object", response.Status)
            : response;
    }

    /// <summary>Every item of a list resource below the service, following nextLink.</summary>
    public async Task<IReadOnlyList<JsonObject>> ListAsync(string relativePath, CancellationToken cancellationToken)
    {
        var items = new List<JsonObject>();
        var visited = new HashSet<Uri>();
        for (var next = Url(relativePath, rawXml: false); next is not null;)
        {
            // A nextLink back to a page already read would page forever, growing the list without bound.
            if (!visited.Add(next))
            {
                throw new ArmRequestException($"listing {relativePath}: ARM's nextLink leads back to a page already read; refused");
            }

            var response = await SendAsync(HttpMethod.Get, next, null, null, cancellationToken);
            if (!response.IsSuccess)
            {
                throw Failed(response);
            }

            var page = response.Json() ?? throw new ArmRequestException($"listing {relativePath}: the answer is not a JSON object");
            items.AddRange((page["value"] as JsonArray ?? []).OfType<JsonObject>());
            next = page["nextLink"] is JsonValue link && link.TryGetValue<string>(out var url) ? SameEndpoint(url) : null;
        }

        return items;
    }

    /// <summary>PUT a resource: with If-Match when updating a version read earlier, and waits for ARM to finish.</summary>
    public async Task PutAsync(string relativePath, JsonObject body, string? ifMatch, CancellationToken cancellationToken)
    {
        var response = await SendAsync(HttpMethod.Put, Url(relativePath, rawXml: false), body.ToJsonString(), ifMatch, cancellationToken);
        if (!response.IsSuccess)
        {
            throw Failed(response);
        }

        if (response.Status is 201 or 202 && response.OperationUrl is { } operation)
        {
            await FollowAsync(SameEndpoint(operation.AbsoluteUri), response.RetryAfter, cancellationToken);
        }
        else if (response.Status == 202)
        {
            throw new ArmRequestException("HTTP 202 without an Azure-AsyncOperation or Location header: cannot tell when the change is done", 202);
        }
    }

    /// <summary>
    /// Polls a long-running operation (learn.microsoft.com/azure/azure-resource-manager/management/async-operations):
    /// an Azure-AsyncOperation answer carries a status (InProgress, Succeeded, Failed, Canceled); a Location answer
    /// stays 202 while running.
    /// </summary>
    private async Task FollowAsync(Uri operation, TimeSpan? retryAfter, CancellationToken cancellationToken)
    {
        for (var poll = 1; poll <= _options.MaxPolls; poll++)
        {
            await _options.Delay(RetryDelay.Capped(retryAfter ?? _options.PollInterval, _options), cancellationToken);
            var response = await SendAsync(HttpMethod.Get, operation, null, null, cancellationToken);
            if (!response.IsSuccess)
            {
                throw Failed(response);
            }

            var status = response.Json()?["status"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            switch (status)
            {
                case "Succeeded":
                    return;
                case "Failed" or "Canceled":
                    throw new ArmRequestException($"the operation ended {status}: {ArmErrorMessage.ErrorOf(response.Json()) ?? "ARM gave no detail"}");
                case null when response.Status != 202:
                    return;
            }

            retryAfter = response.RetryAfter;
        }

        throw new ArmRequestException($"the operation did not finish after {_options.MaxPolls} polls");
    }

    private async Task<ArmResponse> SendAsync(HttpMethod method, Uri url, string? body, string? ifMatch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            ArmResponse response;
            try
            {
                using var request = new HttpRequestMessage(method, url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await _token.GetAsync(cancellationToken));
                if (ifMatch is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
                }

                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                response = await ReadAsync(answer, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= _options.MaxAttempts)
                {
                    throw new ArmRequestException($"{method} {url.AbsolutePath}: no answer after {attempt} attempt(s): {e.Message}");
                }

                await _options.Delay(RetryDelay.Before(attempt + 1, null, _options), cancellationToken);
                continue;
            }

            if (!RetryDelay.IsTransient(response.Status) || attempt >= _options.MaxAttempts)
            {
                return response;
            }

            await _options.Delay(RetryDelay.Before(attempt + 1, response.RetryAfter, _options), cancellationToken);
        }
    }

    private async Task<ArmResponse> ReadAsync(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        await using var stream = await answer.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        for (int read; (read = await stream.ReadAsync(chunk, cancellationToken)) > 0;)
        {
            if (buffer.Length + read > _options.MaxResponseBytes)
            {
                throw new ArmRequestException($"HTTP {(int)answer.StatusCode}: the answer is longer than {_options.MaxResponseBytes} bytes; refused", (int)answer.StatusCode);
            }

            buffer.Write(chunk, 0, read);
        }

        var operation = answer.Headers.TryGetValues("Azure-AsyncOperation", out var values) ? values.FirstOrDefault() : null;
        return new ArmResponse((int)answer.StatusCode, Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length))
        {
            ETag = answer.Headers.ETag?.ToString() ?? (answer.Headers.TryGetValues("ETag", out var tags) ? tags.FirstOrDefault() : null),
            RetryAfter = answer.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - DateTimeOffset.UtcNow,
                _ => null,
            },
            OperationUrl = Uri.TryCreate(operation, UriKind.Absolute, out var asyncUrl) ? asyncUrl
                : answer.Headers.Location is { IsAbsoluteUri: true } location ? location
                : null,
        };
    }

    private Uri Url(string relativePath, bool rawXml) =>
        new(_options.Endpoint, $"{_servicePath}/{relativePath}?api-version={Uri.EscapeDataString(_options.ApiVersion)}{(rawXml ? "&format=rawxml" : string.Empty)}");

    /// <summary>The token goes to the configured endpoint only: links ARM hands back must point there too.</summary>
    private Uri SameEndpoint(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var url) && Uri.Compare(url, _options.Endpoint, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0
            ? url
            : throw new ArmRequestException($"ARM pointed at '{LogText.Of(link, 200)}', which is not on {_options.Endpoint}: refused, so the token is not sent elsewhere");

    private static ArmRequestException Failed(ArmResponse response) => new(ArmErrorMessage.Describe(response), response.Status);
}
