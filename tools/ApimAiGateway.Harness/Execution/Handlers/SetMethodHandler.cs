using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// set-method (apim-reference §4.6): the element text (literal or expression) becomes the method of the request
/// to the backend. Inside send-request it is read by that policy, not run as a step.
/// </summary>
public sealed class SetMethodHandler : IPolicyHandler
{
    public string PolicyName => "set-method";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(binder.Text<string?>(element, null));

    private sealed class Step(BoundValue<string?> method) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var verb = method.Evaluate(context)?.Trim();
            if (string.IsNullOrEmpty(verb))
            {
                throw new PolicyException("set-method", "InvalidMethod", "The set-method policy produced no HTTP method.");
            }

            context.Request.Method = verb;
            context.Note($"method {verb}");
            return ValueTask.CompletedTask;
        }
    }
}
