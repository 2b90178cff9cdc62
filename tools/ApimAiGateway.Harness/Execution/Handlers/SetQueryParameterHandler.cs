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

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "name", string.Empty),
        binder.Attribute(element, "exists-action", "override"),
        element.ElementsNamed("value").Select(v => binder.Text<string?>(v, string.Empty)).ToList());

    private sealed class Step(BoundValue<string> name, BoundValue<string> existsAction, IReadOnlyList<BoundValue<string?>> values) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var parameter = name.Evaluate(context);
            var action = existsAction.Evaluate(context).Trim().ToLowerInvariant();

            // As for set-header, a null value from an expression adds nothing.
            var evaluated = values.Select(v => v.Evaluate(context)).OfType<string>().ToArray();
            ExistsAction.Apply(context.Request.Url.Query, parameter, action, evaluated);
            context.Note($"query parameter '{parameter}' {action}{(evaluated.Length > 0 ? ": " + string.Join(",", evaluated) : string.Empty)}");
            return ValueTask.CompletedTask;
        }
    }
}
