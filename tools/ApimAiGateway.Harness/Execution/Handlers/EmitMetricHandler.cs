using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Services.Outputs;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// emit-metric (apim-reference §4.17): emits value (1 by default) under name and namespace (API Management by
/// default) with its dimensions. A dimension without value is one of the gateway's default dimensions, filled from
/// the request's context.
/// </summary>
public sealed class EmitMetricHandler : IPolicyHandler
{
    public string PolicyName => "emit-metric";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        element.Attribute("name")?.Value.Text.Text.Trim() ?? string.Empty,
        element.Attribute("namespace")?.Value.Text.Text.Trim() ?? MetricSink.DefaultNamespace,
        binder.Attribute(element, "value", 1d),
        element.ElementsNamed("dimension")
            .Select(d => (binder.Attribute(d, "name", string.Empty), binder.Has(d, "value") ? binder.Attribute<string?>(d, "value", null) : null))
            .ToList());

    private sealed class Step(
        string name,
        string metricNamespace,
        BoundValue<double> value,
        IReadOnlyList<(BoundValue<string> Name, BoundValue<string?>? Value)> dimensions) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var pairs = dimensions.Select(d =>
            {
                var dimension = d.Name.Evaluate(context);
                return KeyValuePair.Create(dimension, d.Value is { } given ? given.Evaluate(context) ?? string.Empty : DefaultDimension.Value(dimension, context));
            }).ToList();
            var record = context.Services.Outputs.Metrics.Emit(name, value.Evaluate(context), pairs, metricNamespace);
            context.Note($"metric {record.Namespace}/{record.Name} = {record.Value} ({string.Join(", ", record.Dimensions.Select(p => $"{p.Key}={p.Value}"))})");
            return ValueTask.CompletedTask;
        }
    }
}
