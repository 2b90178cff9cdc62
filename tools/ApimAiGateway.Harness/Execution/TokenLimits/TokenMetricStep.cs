using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Handlers;
using ApimAiGateway.Harness.Execution.Limits;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Services.Outputs;

namespace ApimAiGateway.Harness.Execution.TokenLimits;

/// <summary>
/// llm-emit-token-metric and azure-openai-emit-token-metric (apim-reference §4.32): once the answer is in, emits
/// "Total Tokens", "Prompt Tokens" and "Completion Tokens" under the namespace with the dimensions, evaluated when
/// the policy runs; a dimension without a value is a default dimension. Streams are estimated. An answer without
/// usage (an error) emits nothing.
/// </summary>
internal sealed class TokenMetricStep(
    string metricNamespace,
    IReadOnlyList<(BoundValue<string> Name, BoundValue<string?>? Value)> dimensions,
    bool trustStreamedUsage) : IPolicyStep
{
    public static TokenMetricStep Bind(PolicyElement element, PolicyBinder binder, bool trustStreamedUsage) => new(
        element.Literal("namespace")?.Trim() ?? MetricSink.DefaultNamespace,
        element.ElementsNamed("dimension")
            .Select(d => (binder.Attribute(d, "name", string.Empty), binder.Has(d, "value") ? binder.Attribute<string?>(d, "value", null) : null))
            .ToList(),
        trustStreamedUsage);

    public ValueTask ExecuteAsync(PolicyExecutionContext context)
    {
        var pairs = dimensions.Select(d =>
        {
            var name = d.Name.Evaluate(context);
            return KeyValuePair.Create(name, d.Value is { } given ? given.Evaluate(context) ?? string.Empty : DefaultDimension.Value(name, context));
        }).ToList();
        var request = LlmRequest.Read(context);
        var location = context.Current;
        context.AfterOutbound(final =>
        {
            LlmResponse.WhenComplete(final, response => Emit(final, location, pairs, response.Meter(request, trustStreamedUsage)));
            return ValueTask.CompletedTask;
        });
        return ValueTask.CompletedTask;
    }

    private void Emit(PolicyExecutionContext context, PolicyLocation? location, IReadOnlyList<KeyValuePair<string, string>> pairs, MeteredTokens? metered)
    {
        if (metered is null)
        {
            context.NoteFor(location, "no token usage in the response; no metrics emitted");
            return;
        }

        var metrics = context.Services.Outputs.Metrics;
        metrics.Emit("Total Tokens", metered.Total, pairs, metricNamespace);
        metrics.Emit("Prompt Tokens", metered.Prompt, pairs, metricNamespace);
        metrics.Emit("Completion Tokens", metered.Completion, pairs, metricNamespace);
        context.NoteFor(location, $"{(metered.Estimated ? "estimated" : "reported")} tokens emitted: total {metered.Total}, prompt {metered.Prompt}, completion {metered.Completion}");
    }
}
