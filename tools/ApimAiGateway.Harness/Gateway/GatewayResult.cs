using System.Text;
using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Execution;
using ApimAiGateway.Harness.Services;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Gateway;

/// <summary>What the gateway did with one request: the response, every variable, the trace, and every outbound call.</summary>
public sealed class GatewayResult
{
    private readonly byte[] _body = [];

    public required int StatusCode { get; init; }

    public required string StatusReason { get; init; }

    public required IReadOnlyDictionary<string, string[]> Headers { get; init; }

    /// <summary>
    /// The whole body. When the response is a stream still arriving (<see cref="LiveBody"/>), reading this waits for
    /// its end; read <see cref="ReadBodyAsync"/> to see the chunks as they come.
    /// </summary>
    public byte[] Body
    {
        get => LiveBody?.ReadToEnd() ?? _body;
        init => _body = value;
    }

    /// <summary>
    /// The body as a stream still arriving when the gateway returned (forward-request buffer-response="false" relaying
    /// server-sent events); null when the response was complete.
    /// </summary>
    public LiveBody? LiveBody { get; init; }

    public required IReadOnlyDictionary<string, object> Variables { get; init; }

    public required IReadOnlyList<ExecutionTraceEntry> Trace { get; init; }

    /// <summary>Messages written by <c>context.Trace(...)</c> in expressions.</summary>
    public required IReadOnlyList<string> ExpressionTraces { get; init; }

    public required IReadOnlyList<OutboundCall> Calls { get; init; }

    /// <summary>The error on-error saw, when one happened.</summary>
    public ILastError? LastError { get; init; }

    /// <summary>Set when the run reached something the harness cannot emulate; the response is then not APIM's.</summary>
    public string? HarnessError { get; init; }

    /// <summary>The body chunk by chunk, each as soon as it arrives; a complete body is one chunk.</summary>
    public IAsyncEnumerable<ReadOnlyMemory<byte>> ReadBodyAsync(CancellationToken cancellationToken = default) =>
        (LiveBody ?? new LiveBody([(ReadOnlyMemory<byte>)_body])).ReadAsync(cancellationToken);

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The body parsed as JSON, or null when it is not JSON.</summary>
    public JToken? BodyJson
    {
        get
        {
            try
            {
                return Body.Length == 0 ? null : JToken.Parse(BodyText);
            }
            catch (Newtonsoft.Json.JsonReaderException)
            {
                return null;
            }
        }
    }

    /// <summary>The calls that reached a backend through forward-request.</summary>
    public IReadOnlyList<OutboundCall> BackendCalls => [.. Calls.Where(c => c.Policy == "forward-request")];

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { } values ? string.Join(",", values) : null;

    public override string ToString() => $"{StatusCode} {StatusReason}";
}
