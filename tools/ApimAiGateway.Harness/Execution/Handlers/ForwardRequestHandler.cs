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
        binder.Attribute(element, "buffer-request-body", false));

    private sealed class Step(
        BoundValue<int> timeoutSeconds,
        BoundValue<int>? timeoutMilliseconds,
        BoundValue<bool> failOnErrorStatus,
        BoundValue<bool> followRedirects,
        BoundValue<bool> bufferRequestBody) : IPolicyStep
    {
        // Bodies already streamed to a backend without buffering, by identity: a body set anew (set-body) is sent again.
        private static readonly ConditionalWeakTable<MessageBody, object> Streamed = [];

        public async ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var timeout = timeoutMilliseconds is { } ms
                ? TimeSpan.FromMilliseconds(ms.Evaluate(context))
                : TimeSpan.FromSeconds(timeoutSeconds.Evaluate(context));
            var request = BackendRequest(context, bufferRequestBody.Evaluate(context));
            var hops = followRedirects.Evaluate(context) ? Redirect.MaxHops : 0;
            var outcome = await SendAsync(context, request, timeout);
            for (var hop = 1; hop <= hops && outcome.IsResponse && Redirect.Next(request, outcome.Response) is { } next; hop++)
            {
                context.Note($"backend redirected ({outcome.Response.StatusCode}); following to {next.Uri}");
                request = next;
                outcome = await SendAsync(context, request, timeout);
            }

            if (!outcome.IsResponse)
            {
                throw new PolicyException("forward-request", outcome.ErrorReason, outcome.FailureMessage ?? "The backend did not answer.",
                    outcome.ErrorReason == "Timeout" ? 504 : 500);
            }

            context.Response = outcome.Response.ToGatewayResponse();
            context.BackendCalled = true;
            context.Note($"backend answered {outcome.Response.StatusCode}");
            if (failOnErrorStatus.Evaluate(context) && outcome.Response.StatusCode >= 400)
            {
                throw new PolicyException("forward-request", "BackendErrorStatusCode",
                    $"The backend answered {outcome.Response.StatusCode} and fail-on-error-status-code is set.", outcome.Response.StatusCode);
            }
        }

        private static ValueTask<ServiceOutcome> SendAsync(PolicyExecutionContext context, ServiceRequest request, TimeSpan timeout)
        {
            context.Note($"{request.Method} {request.Uri}");
            return context.SendAsync("forward-request", request, timeout);
        }

        private static ServiceRequest BackendRequest(PolicyExecutionContext context, bool buffer)
        {
            var gatewayRequest = context.Request;
            var baseUrl = context.BackendBaseUrl.AbsoluteUri.TrimEnd('/');
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
