using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Binding;

/// <summary>
/// The name, exists-action and <c>value</c> children that set-header, set-query-parameter and send-request's
/// set-header share (apim-reference §4.2, §4.3): override (the default) replaces the values, skip keeps an existing
/// entry, append adds to it, delete removes it. A null value from an expression adds nothing (§1.7 leaves it open).
/// </summary>
internal sealed class EntryEdit(BoundValue<string> name, BoundValue<string> existsAction, IReadOnlyList<BoundValue<string?>> values)
{
    public static EntryEdit Bind(PolicyElement element, PolicyBinder binder) => new(
        binder.Attribute(element, "name", string.Empty),
        binder.Attribute(element, "exists-action", "override"),
        [.. element.ElementsNamed("value").Select(v => binder.Text<string?>(v, string.Empty))]);

    public (string Name, string Action, string[] Values) Evaluate(PolicyExecutionContext context) => (
        name.Evaluate(context),
        existsAction.Evaluate(context).Trim().ToLowerInvariant(),
        [.. values.Select(v => v.Evaluate(context)).OfType<string>()]);

    /// <summary>Evaluates the edit and applies it to <paramref name="entries"/>; returns what was applied.</summary>
    public (string Name, string Action, string[] Values) ApplyTo(MultiValueDictionary entries, PolicyExecutionContext context)
    {
        var edit = Evaluate(context);
        Apply(entries, edit.Name, edit.Action, edit.Values);
        return edit;
    }

    public static void Apply(MultiValueDictionary entries, string name, string action, IReadOnlyList<string> values)
    {
        switch (action)
        {
            case "delete":
                entries.Remove(name);
                break;
            case "skip" when entries.ContainsKey(name):
                break;
            case "append":
                foreach (var value in values)
                {
                    entries.Append(name, value);
                }

                break;
            default:
                entries.Remove(name);
                foreach (var value in values)
                {
                    entries.Append(name, value);
                }

                break;
        }
    }
}
