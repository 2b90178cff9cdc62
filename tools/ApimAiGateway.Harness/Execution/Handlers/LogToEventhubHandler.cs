using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// log-to-eventhub (apim-reference §4.18): sends the element text to the event hub behind logger-id, with the
/// partition-id or partition-key when given. The 200 KB truncation is the sink's (EventHubSink.MaxMessageBytes).
/// </summary>
public sealed class LogToEventhubHandler : IPolicyHandler
{
    public string PolicyName => "log-to-eventhub";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "logger-id", string.Empty),
        element.Attribute("partition-id")?.Value.Text.Text.Trim(),
        binder.Attribute<string?>(element, "partition-key", null),
        binder.Text<string?>(element, string.Empty));

    private sealed class Step(BoundValue<string> loggerId, string? partitionId, BoundValue<string?> partitionKey, BoundValue<string?> message) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var sent = context.Services.Outputs.EventHub.Send(
                loggerId.Evaluate(context), message.Evaluate(context) ?? string.Empty, partitionId, partitionKey.Evaluate(context));
            context.Note($"event to logger '{sent.LoggerId}' ({sent.Message.Length} chars{(sent.IsTruncated ? ", truncated to 200 KB" : string.Empty)})");
            return ValueTask.CompletedTask;
        }
    }
}
