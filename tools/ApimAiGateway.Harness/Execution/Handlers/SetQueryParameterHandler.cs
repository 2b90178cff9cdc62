using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// set-query-parameter (apim-reference §4.3): adds, replaces, appends to or deletes a query parameter of the
/// request to the backend. Several values become a repeated parameter.
/// </summary>
public sealed class SetQueryParameterHandler : IPolicyHandler
{
    public string PolicyName => "set-query-parameter";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(EntryEdit.Bind(element, binder));

    private sealed class Step(EntryEdit edit) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var (parameter, action, evaluated) = edit.ApplyTo(context.Request.Url.Query, context);
            context.Note($"query parameter '{parameter}' {action}{(evaluated.Length > 0 ? ": " + string.Join(",", evaluated) : string.Empty)}");
            return ValueTask.CompletedTask;
        }
    }
}
