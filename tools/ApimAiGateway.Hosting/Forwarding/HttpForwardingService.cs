using System.Runtime.CompilerServices;
using System.Diagnostics;
using ApimAiGateway.Harness.Services;
using ApimAiGateway.Hosting.Http;

namespace ApimAiGateway.Hosting.Forwarding;

/// <summary>
/// A service on the gateway's network that is really somewhere else: the request goes over HTTP to
/// <see cref="Target"/> (scheme, host and port; the path and query are the request's), and the answer comes back with
/// the time it took. A transport failure is a connection failure, as the simulated network reports one, so
/// forward-request, retry and circuit breakers see what they would see in APIM.
/// </summary>
internal sealed class HttpForwardingService(Uri target, HttpMessageInvoker invoker) : IServiceHandler
{
    /// <summary>
    /// forward-request's longest wait by default (300 s): the harness compares an answer's latency with the policy's
    /// own timeout only once it has arrived, so a call still unanswered by then is reported as never answered.
    /// </summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(300);

    private const string EventStreamMediaType = "text/event-stream";

    public Uri Target { get; } = target;

    public async ValueTask<ServiceOutcome> HandleAsync(ServiceRequest request, ServiceCallContext context, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var message = ToHttpRequest(request);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(LongestWait);
        try
        {
            // An HttpMessageInvoker returns once the headers are in (HttpClient's ResponseHeadersRead). A server-sent
            // event stream is handed on as it arrives, to be relayed or buffered as forward-request decides; any
            // other answer is read whole here, so a connection lost mid-body is a connection failure.
            var answer = await invoker.SendAsync(message, wait.Token);
            var status = (int)answer.StatusCode;
            if (status is < 200 or > 599)
            {
                answer.Dispose();
                return ServiceOutcome.ConnectionFailure($"{Target.GetLeftPart(UriPartial.Authority)} answered with status {status}, which ends no call.");
            }

            var headers = ServiceHeaders.From(answer.Headers.Concat(answer.Content.Headers)
                .Where(h => HttpHeaderRules.IsCopied(h.Key))
                .Select(h => new KeyValuePair<string, string[]>(h.Key, [.. h.Value])));
            var response = string.Equals(answer.Content.Headers.ContentType?.MediaType, EventStreamMediaType, StringComparison.OrdinalIgnoreCase)
                ? new ServiceResponse(status, headers, new LiveBody(Chunks(answer, cancellationToken)), answer.ReasonPhrase)
                : await WholeAsync(answer, status, headers, wait.Token);
            return ServiceOutcome.Respond(response).After(Stopwatch.GetElapsedTime(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ServiceOutcome.NoResponse();
        }
        catch (HttpRequestException e)
        {
            return ServiceOutcome.ConnectionFailure(e.Message).After(Stopwatch.GetElapsedTime(started));
        }
    }

    private static async Task<ServiceResponse> WholeAsync(HttpResponseMessage answer, int status, ServiceHeaders headers, CancellationToken cancellationToken)
    {
        using (answer)
        {
            return new ServiceResponse(status, headers, await answer.Content.ReadAsByteArrayAsync(cancellationToken), answer.ReasonPhrase);
        }
    }

    /// <summary>The answer's body as it arrives off the connection; the answer is released once it has all been read.</summary>
    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> Chunks(HttpResponseMessage answer, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (answer)
        {
            await using var stream = await answer.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                yield return buffer.AsMemory(0, read);
            }
        }
    }

    private HttpRequestMessage ToHttpRequest(ServiceRequest request)
    {
        var uri = new Uri(Target, request.Uri.PathAndQuery);
        var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        if (!request.Body.IsEmpty)
        {
            message.Content = new ReadOnlyMemoryContent(request.Body);
        }

        foreach (var (name, values) in request.Headers.Where(h => HttpHeaderRules.IsCopied(h.Key)))
        {
            if (!message.Headers.TryAddWithoutValidation(name, values) && message.Content is not null)
            {
                message.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return message;
    }
}
