using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Calls;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// send-request (apim-reference §4.12): sends the request its children build and waits at most timeout seconds
/// (default 60) for the answer, which it stores as an <c>IResponse</c> in response-variable-name. Any status is an
/// answer; a timeout or connection failure is an error (Source send-request, Reason Timeout or
/// BackendConnectionFailure) unless ignore-error is set, in which case the variable holds null ("send-request
/// policy": "the response variable will contain a null value"; the retry page's example tests it for null).
/// </summary>
public sealed class SendRequestHandler : IPolicyHandler
{
    public string PolicyName => "send-request";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        OutgoingRequest.Bind(element, binder),
        binder.Attribute(element, "response-variable-name", string.Empty),
        binder.Attribute(element, "timeout", 60),
        binder.Attribute(element, "ignore-error", false));

    private sealed class Step(OutgoingRequest template, BoundValue<string> responseVariable, BoundValue<int> timeoutSeconds, BoundValue<bool> ignoreError) : IPolicyStep
    {
        public async ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var variable = responseVariable.Evaluate(context);
            var request = await template.BuildAsync(context);
            context.Note($"{request.Method} {request.Uri}");
            var outcome = await context.SendAsync("send-request", request, TimeSpan.FromSeconds(timeoutSeconds.Evaluate(context)));
            if (outcome.IsResponse)
            {
                context.Expression.Variables.Set(variable, outcome.Response.ToGatewayResponse());
                context.Note($"answered {outcome.Response.StatusCode}; stored in variable '{variable}'");
                return;
            }

            if (!ignoreError.Evaluate(context))
            {
                // APIM documents no status for an unhandled send-request failure; the harness answers 500.
                throw new PolicyException("send-request", outcome.ErrorReason, outcome.FailureMessage ?? "The request failed.");
            }

            // The variable exists and holds null, so `context.Variables["x"] == null` works as the docs' retry example expects.
            context.Expression.Variables.Set(variable, null!);
            context.Note($"{outcome.ErrorReason} ignored; variable '{variable}' is null");
        }
    }
}
