using System.Text;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// find-and-replace (find-and-replace-policy): replaces every occurrence of from with to in the body of the current
/// message, the request in inbound and backend, the response in outbound and on-error. The match is ordinal and
/// case-sensitive; the page describes a plain substring replacement. A message without a body is left alone.
/// </summary>
public sealed class FindAndReplaceHandler : IPolicyHandler
{
    public string PolicyName => "find-and-replace";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) =>
        new Step(Verbatim(element, "from", binder), Verbatim(element, "to", binder));

    /// <summary>Literals are kept as written: a space in from or to is part of the text to find or put.</summary>
    private static BoundValue<string?> Verbatim(PolicyElement element, string attribute, PolicyBinder binder) =>
        element.Attribute(attribute)?.Value is { Expression: null } literal
            ? new BoundValue<string?>(literal.Text.Text, element.Name)
            : binder.Attribute<string?>(element, attribute, string.Empty);

    private sealed class Step(BoundValue<string?> from, BoundValue<string?> to) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var find = from.Evaluate(context) ?? string.Empty;
            var replacement = to.Evaluate(context) ?? string.Empty;
            if (CurrentMessage.Body(context) is not { } body || find.Length == 0)
            {
                context.Note($"nothing to replace in the {CurrentMessage.Name(context)}");
                return ValueTask.CompletedTask;
            }

            var text = body.As<string>(preserveContent: true) ?? string.Empty;
            var replaced = text.Replace(find, replacement, StringComparison.Ordinal);
            CurrentMessage.SetBody(context, Encoding.UTF8.GetBytes(replaced));
            context.Note($"{CurrentMessage.Name(context)} body: '{find}' replaced by '{replacement}'");
            return ValueTask.CompletedTask;
        }
    }
}
