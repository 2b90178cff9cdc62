using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// forward-request (apim-reference §4.13): sends the current request to the backend (base URL + path + query) and
/// makes its answer the response. A timeout fails with reason Timeout, a connection failure with
/// BackendConnectionFailure; with fail-on-error-status-code a 4xx/5xx answer is an error too.
/// </summary>
public sealed class ForwardRequestHandler : IPolicyHandler
{
    public string PolicyName => "forward-request";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "timeout", 300),
        element.Attribute("timeout-ms") is null ? null : binder.Attribute(element, "timeout-ms", 0),
        binder.Attribute(element, "fail-on-error-status-code", false));

    private sealed class Step(BoundValue<int> timeoutSeconds, BoundValue<int>? timeoutMilliseconds, BoundValue<bool> failOnErrorStatus) : IPolicyStep
    {
        public async ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var timeout = timeoutMilliseconds is { } ms
                ? TimeSpan.FromMilliseconds(ms.Evaluate(context))
                : TimeSpan.FromSeconds(timeoutSeconds.Evaluate(context));
            var request = BackendRequest(context);
            context.Note($"{request.Method} {request.Uri}");
            var outcome = await context.SendAsync("forward-request", request, timeout);
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

        private static ServiceRequest BackendRequest(PolicyExecutionContext context)
        {
            var gatewayRequest = context.Request;
            var baseUrl = context.BackendBaseUrl.AbsoluteUri.TrimEnd('/');
            var path = context.BackendPath.Length == 0 || context.BackendPath.StartsWith('/') ? context.BackendPath : "/" + context.BackendPath;
            var target = new Uri(baseUrl + path + gatewayRequest.Url.QueryString);
            return new ServiceRequest(gatewayRequest.Method, target, ServiceHeaders.From(gatewayRequest.Headers), gatewayRequest.Body is { IsConsumed: false } body ? body.Content.Span : default);
        }
    }
}
