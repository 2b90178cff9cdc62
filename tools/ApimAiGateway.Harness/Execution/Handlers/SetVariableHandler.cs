using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// set-variable (apim-reference §4.1): a literal value is stored as a string, an expression's result as it is.
/// </summary>
public sealed class SetVariableHandler : IPolicyHandler
{
    public string PolicyName => "set-variable";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) =>
        new Step(element.Attribute("name")!.Value.Text.Text.Trim(), binder.Attribute<object?>(element, "value", null));

    private sealed class Step(string name, BoundValue<object?> value) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var result = value.Evaluate(context);
            if (result is null)
            {
                context.Expression.Variables.Remove(name);
                context.Note($"variable '{name}' removed (the value was null)");
            }
            else
            {
                context.Expression.Variables.Set(name, result);
                context.Note($"variable '{name}' = {Describe(result)}");
            }

            return ValueTask.CompletedTask;
        }

        private static string Describe(object value) => value is string text ? $"\"{(text.Length > 80 ? text[..80] + "…" : text)}\"" : value.ToString() ?? string.Empty;
    }
}
