using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Services.Outputs;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// trace (apim-reference §4.16): writes the message with its source, severity (verbose by default) and metadata
/// to the gateway's traces. APIM sends it to request tracing, Application Insights and resource logs, filtering by
/// their verbosity; the harness keeps every trace and leaves the filtering to whoever reads them.
/// </summary>
public sealed class TraceHandler : IPolicyHandler
{
    public string PolicyName => "trace";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "source", string.Empty),
        binder.Attribute(element, "severity", "verbose"),
        element.ElementsNamed("message").FirstOrDefault() is { } text ? binder.Text<string?>(text, string.Empty) : new BoundValue<string?>(string.Empty, element.Name),
        element.ElementsNamed("metadata")
            .Select(m => (binder.Attribute(m, "name", string.Empty), binder.Attribute<string?>(m, "value", string.Empty)))
            .ToList());

    private sealed class Step(
        BoundValue<string> source,
        BoundValue<string> severity,
        BoundValue<string?> message,
        IReadOnlyList<(BoundValue<string> Name, BoundValue<string?> Value)> metadata) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var level = severity.Evaluate(context).Trim().ToLowerInvariant() switch
            {
                "information" => TraceSeverity.Information,
                "error" => TraceSeverity.Error,
                "verbose" => TraceSeverity.Verbose,
                var other => throw new PolicyException("trace", "InvalidSeverity", $"'{other}' is not a trace severity; use verbose, information or error."),
            };
            var pairs = metadata.Select(m => KeyValuePair.Create(m.Name.Evaluate(context), m.Value.Evaluate(context) ?? string.Empty)).ToList();
            var record = context.Services.Outputs.Traces.Write(source.Evaluate(context), level, message.Evaluate(context) ?? string.Empty, pairs);
            context.Note($"trace [{record.Severity}] {record.Source}: {record.Message}");
            return ValueTask.CompletedTask;
        }
    }
}
