using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Calls;

/// <summary>
/// A <c>set-header</c> child of send-request: the same attributes as the set-header policy (apim-reference §4.2),
/// applied to the request being built rather than to the request or response of the pipeline.
/// </summary>
internal sealed class OutgoingHeader(BoundValue<string> name, BoundValue<string> existsAction, IReadOnlyList<BoundValue<string?>> values)
{
    public static OutgoingHeader Bind(PolicyElement element, PolicyBinder binder) => new(
        binder.Attribute(element, "name", string.Empty),
        binder.Attribute(element, "exists-action", "override"),
        [.. element.ElementsNamed("value").Select(v => binder.Text<string?>(v, string.Empty))]);

    public void Apply(MultiValueDictionary headers, PolicyExecutionContext context)
    {
        var header = name.Evaluate(context);
        var action = existsAction.Evaluate(context).Trim().ToLowerInvariant();
        if (action == "skip" && headers.ContainsKey(header))
        {
            return;
        }

        // A null value from an expression adds nothing, as the set-header handler treats it.
        string[] added = [.. values.Select(v => v.Evaluate(context)).OfType<string>()];
        string[] result = action switch
        {
            "delete" => [],
            "append" => [.. headers.GetValueOrDefault(header, []), .. added],
            _ => added,
        };
        if (result.Length == 0)
        {
            headers.Remove(header);
        }
        else
        {
            headers.Set(header, result);
        }
    }
}
