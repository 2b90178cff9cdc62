using System.Runtime.CompilerServices;
using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Calls;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// forward-request (apim-reference §4.13): sends the current request to the backend (base URL + path + query) and
/// makes its answer the response. A timeout fails with reason Timeout, a connection failure with
/// BackendConnectionFailure; with fail-on-error-status-code a 4xx/5xx answer is an error too. With
/// follow-redirects the gateway follows the backend's redirects (<see cref="Redirect"/>) instead of returning them.
/// The request body is streamed to the backend: only with buffer-request-body="true" is it "buffered and reused on
/// retry" ("forward-request policy"), so without it a second forward-request of the same body (a retry) sends none.
/// With buffer-response="false" a server-sent event stream (text/event-stream) stays live: the response carries the
/// events on as the backend sends them ("Configure API for server-sent events"), and a policy that reads the body
/// buffers it. Any other answer is buffered whole, as with the default buffer-response="true".
/// http-version and continue-timeout are accepted; the simulated network has no protocol versions or 100-continue.
/// </summary>
public sealed class ForwardRequestHandler : IPolicyHandler
{
    public string PolicyName => "forward-request";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "timeout", 300),
        element.Attribute("timeout-ms") is null ? null : binder.Attribute(element, "timeout-ms", 0),
        binder.Attribute(element, "fail-on-error-status-code", false),
        binder.Attribute(element, "follow-redirects", false),
        binder.Attribute(element, "buffer-request-body", false),
        binder.Attribute(element, "buffer-response", true));

    private sealed class Step(
        BoundValue<int> timeoutSeconds,
        BoundValue<int>? timeoutMilliseconds,
        BoundValue<bool> failOnErrorStatus,
        BoundValue<bool> followRedirects,
        BoundValue<bool> bufferRequestBody,
        BoundValue<bool> bufferResponse) : IPolicyStep
    {
        // Bodies already streamed to a backend without buffering, by identity: a body set anew (set-body) is sent again.
        private static readonly ConditionalWeakTable<MessageBody, object> Streamed = [];

        public async ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var timeout = timeoutMilliseconds is { } ms
                ? TimeSpan.FromMilliseconds(ms.Evaluate(context))
                : TimeSpan.FromSeconds(timeoutSeconds.Evaluate(context));
            var backend = ChooseBackend(context);
            var request = BackendRequest(context, backend?.Url ?? context.BackendBaseUrl, bufferRequestBody.Evaluate(context));
            var hops = followRedirects.Evaluate(context) ? Redirect.MaxHops : 0;
            var stream = !bufferResponse.Evaluate(context);
            var outcome = await SendAsync(context, request, timeout, stream);
            for (var hop = 1; hop <= hops && outcome.IsResponse && Redirect.Next(request, outcome.Response) is { } next; hop++)
            {
                context.Note($"backend redirected ({outcome.Response.StatusCode}); following to {next.Uri}");
                request = next;
                outcome = await SendAsync(context, request, timeout, stream);
            }

            if (backend is not null)
            {
                ReportToBreaker(context, backend, outcome);
            }

            if (!outcome.IsResponse)
            {
                throw new PolicyException("forward-request", outcome.ErrorReason, outcome.FailureMessage ?? "The backend did not answer.",
                    outcome.ErrorReason == "Timeout" ? 504 : 500);
            }

            if (outcome.Response.Live is { } live && !IsEventStream(outcome.Response))
            {
                await live.ReadToEndAsync(context.CancellationToken);
            }

            context.Response = outcome.Response.ToGatewayResponse();
            context.Note($"backend answered {outcome.Response.StatusCode}{(context.Response.Body?.Live is null ? string.Empty : ", streaming")}");
            if (failOnErrorStatus.Evaluate(context) && outcome.Response.StatusCode >= 400)
            {
                throw new PolicyException("forward-request", "BackendErrorStatusCode",
                    $"The backend answered {outcome.Response.StatusCode} and fail-on-error-status-code is set.", outcome.Response.StatusCode);
            }
        }

        private static ValueTask<ServiceOutcome> SendAsync(PolicyExecutionContext context, ServiceRequest request, TimeSpan timeout, bool stream)
        {
            context.Note($"{request.Method} {request.Uri}");
            return context.SendAsync("forward-request", request, timeout, stream);
        }

        private static bool IsEventStream(ServiceResponse response) =>
            response.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true;

        /// <summary>
        /// With a backend entity selected, picks the single backend this attempt goes to: the entity itself, or a pool
        /// member (apim-reference §4.35). A tripped circuit, or a pool whose every member is tripped, is a 503.
        /// </summary>
        private static Backends.BackendDefinition? ChooseBackend(PolicyExecutionContext context)
        {
            if (context.SelectedBackend is not { } selected)
            {
                return null;
            }

            var choice = context.Services.Backends.Choose(selected);
            if (choice.Backend is not { } backend)
            {
                var retryAfter = choice.AvailableAgainAt is { } at ? WholeSeconds.RoundUp(at - context.Clock.GetUtcNow()) : 0;
                throw new PolicyException("forward-request", "BackendUnavailable",
                    $"Backend '{selected.Id}' is unavailable: its circuit breaker is open.", 503)
                {
                    Headers = retryAfter > 0 ? [new("Retry-After", retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture))] : [],
                };
            }

            context.Expression.Backend = new Context.Runtime.Backend
            {
                Id = backend.Id,
                Type = selected.Kind == Backends.BackendKind.Pool ? Context.BackendType.Pool : Context.BackendType.Single,
                AzureRegion = backend.AzureRegion ?? string.Empty,
            };
            context.Note($"backend '{backend.Id}'{(selected.Kind == Backends.BackendKind.Pool ? $" from pool '{selected.Id}'" : string.Empty)}");
            return backend;
        }

        private static void ReportToBreaker(PolicyExecutionContext context, Backends.BackendDefinition backend, ServiceOutcome outcome)
        {
            var retryAfter = outcome.Response?.Headers.GetValueOrDefault("Retry-After") is { } header
                             && int.TryParse(header, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? TimeSpan.FromSeconds(seconds)
                : (TimeSpan?)null;
            if (context.Services.Backends.Report(backend.Id, outcome.Response?.StatusCode, retryAfter))
            {
                context.Note($"circuit breaker of '{backend.Id}' tripped until {context.Services.Backends.BreakerOf(backend.Id)!.OpenUntil:O}");
            }
        }

        private static ServiceRequest BackendRequest(PolicyExecutionContext context, Uri backendBaseUrl, bool buffer)
        {
            var gatewayRequest = context.Request;
            var baseUrl = backendBaseUrl.AbsoluteUri.TrimEnd('/');
            var path = context.BackendPath.Length == 0 || context.BackendPath.StartsWith('/') ? context.BackendPath : "/" + context.BackendPath;
            var target = new Uri(baseUrl + path + gatewayRequest.Url.QueryString);
            return new ServiceRequest(gatewayRequest.Method, target, ServiceHeaders.From(gatewayRequest.Headers), BodyToSend(context, gatewayRequest.Body, buffer));
        }

        private static ReadOnlySpan<byte> BodyToSend(PolicyExecutionContext context, MessageBody? body, bool buffer)
        {
            if (body is not { IsConsumed: false })
            {
                return default;
            }

            if (buffer)
            {
                return body.Content.Span;
            }

            if (Streamed.TryGetValue(body, out _))
            {
                context.Note("the request body was streamed to the backend before and not buffered: sent without a body");
                return default;
            }

            Streamed.Add(body, body);
            return body.Content.Span;
        }
    }
}
