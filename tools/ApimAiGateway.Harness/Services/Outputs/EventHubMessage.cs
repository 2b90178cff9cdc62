namespace ApimAiGateway.Harness.Services.Outputs;

/// <summary>One message log-to-eventhub sent, after APIM's size limit was applied.</summary>
/// <param name="PartitionId">The partition-id attribute; null when not given.</param>
/// <param name="PartitionKey">The partition-key attribute; null when not given.</param>
/// <param name="IsTruncated">True when the message was cut to <see cref="EventHubSink.MaxMessageBytes"/>.</param>
public sealed record EventHubMessage(
    string LoggerId, string? PartitionId, string? PartitionKey, string Message, bool IsTruncated, DateTimeOffset Timestamp);
