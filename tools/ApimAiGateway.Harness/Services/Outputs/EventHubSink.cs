using System.Text;

namespace ApimAiGateway.Harness.Services.Outputs;

/// <summary>Collects what log-to-eventhub sends, in order; safe to write from concurrent requests.</summary>
public sealed class EventHubSink(TimeProvider? clock = null)
{
    /// <summary>
    /// "Log to event hub" (usage notes): a message above 200 KB is truncated to 200 KB before it is sent. The doc
    /// does not say how KB or size are counted; the sink counts 1024-byte kilobytes of the UTF-8 encoding, which is
    /// what travels in the event body.
    /// </summary>
    public const int MaxMessageBytes = 200 * 1024;

    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private readonly RecordList<EventHubMessage> _messages = new();

    public IReadOnlyList<EventHubMessage> Messages => _messages.Snapshot();

    public IReadOnlyList<EventHubMessage> ForLogger(string loggerId) =>
        _messages.Snapshot(message => string.Equals(message.LoggerId, loggerId, StringComparison.Ordinal));

    public EventHubMessage Send(string loggerId, string message, string? partitionId = null, string? partitionKey = null)
    {
        var (text, truncated) = Truncate(message);
        var sent = new EventHubMessage(loggerId, partitionId, partitionKey, text, truncated, _clock.GetUtcNow());
        _messages.Add(sent);
        return sent;
    }

    public void Clear() => _messages.Clear();

    private static (string Text, bool Truncated) Truncate(string message)
    {
        if (Encoding.UTF8.GetByteCount(message) <= MaxMessageBytes)
        {
            return (message, false);
        }

        // Cut on a character boundary so the stored text is what a consumer would decode, with no broken character.
        var encoder = Encoding.UTF8.GetEncoder();
        var buffer = new byte[MaxMessageBytes];
        encoder.Convert(message, buffer, flush: true, out var charsUsed, out _, out _);
        return (message[..charsUsed], true);
    }
}
