using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>set-status (apim-reference §4.5): the response's status code and reason.</summary>
public sealed class SetStatusHandler : IPolicyHandler
{
    public string PolicyName => "set-status";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) =>
        new Step(binder.Attribute(element, "code", 200), binder.Attribute<string?>(element, "reason", null));

    private sealed class Step(BoundValue<int> code, BoundValue<string?> reason) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var status = code.Evaluate(context);
            context.Response.StatusCode = status;
            context.Response.StatusReason = reason.Evaluate(context) ?? Services.ReasonPhrases.For(status);
            context.Note($"status {status} {context.Response.StatusReason}");
            return ValueTask.CompletedTask;
        }
    }
}
