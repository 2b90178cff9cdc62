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

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(EntryEdit.Bind(element, binder));

    private sealed class Step(EntryEdit edit) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var (header, action, evaluated) = edit.Evaluate(context);
            var headers = context.ActsOnResponse ? context.Response.Headers : context.Request.Headers;
            if (Protected.Contains(header) || (action == "delete" && header.Equals("Server", StringComparison.OrdinalIgnoreCase)))
            {
                context.Note($"header '{header}' cannot be changed by policy; left as it is");
                return ValueTask.CompletedTask;
            }

            EntryEdit.Apply(headers, header, action, evaluated);
            context.Note($"header '{header}' {action}{(evaluated.Length > 0 ? ": " + string.Join(",", evaluated) : string.Empty)}");
            return ValueTask.CompletedTask;
        }
    }
}
