using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// set-header (apim-reference §4.2): in inbound and backend it edits the request to the backend, in outbound and
/// on-error the response to the caller. exists-action override (default), skip, append or delete. Connection,
/// Content-Length, Keep-Alive and Transfer-Encoding cannot be changed, nor Server removed.
/// </summary>
public sealed class SetHeaderHandler : IPolicyHandler
{
    private static readonly HashSet<string> Protected = new(StringComparer.OrdinalIgnoreCase) { "Connection", "Content-Length", "Keep-Alive", "Transfer-Encoding" };

    public string PolicyName => "set-header";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "name", string.Empty),
        binder.Attribute(element, "exists-action", "override"),
        element.ElementsNamed("value").Select(v => binder.Text<string?>(v, string.Empty)).ToList());

    private sealed class Step(BoundValue<string> name, BoundValue<string> existsAction, IReadOnlyList<BoundValue<string?>> values) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var header = name.Evaluate(context);
            var action = existsAction.Evaluate(context).Trim().ToLowerInvariant();
            var headers = context.ActsOnResponse ? context.Response.Headers : context.Request.Headers;
            if (Protected.Contains(header) || (action == "delete" && header.Equals("Server", StringComparison.OrdinalIgnoreCase)))
            {
                context.Note($"header '{header}' cannot be changed by policy; left as it is");
                return ValueTask.CompletedTask;
            }

            // A null value from an expression adds nothing (apim-reference §1.7 leaves it open; treated as absent).
            var evaluated = values.Select(v => v.Evaluate(context)).OfType<string>().ToArray();
            ExistsAction.Apply(headers, header, action, evaluated);
            context.Note($"header '{header}' {action}{(evaluated.Length > 0 ? ": " + string.Join(",", evaluated) : string.Empty)}");
            return ValueTask.CompletedTask;
        }
    }
}
