using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Services;

/// <summary>
/// What requests and responses on the simulated network share: headers and body bytes, copied when the message is
/// made so nothing the sender does later can change what was sent. The content type is the <c>Content-Type</c>
/// header, because that is all the wire carries. A response may instead carry a body still arriving
/// (<see cref="Live"/>); reading <see cref="Body"/> then waits for the whole of it.
/// </summary>
public abstract class ServiceMessage
{
    private readonly byte[] _body;

    private protected ServiceMessage(ServiceHeaders headers, ReadOnlySpan<byte> body)
    {
        Headers = headers;
        _body = body.ToArray();
    }

    private protected ServiceMessage(ServiceHeaders headers, LiveBody live)
    {
        Headers = headers;
        _body = [];
        Live = live;
    }

    public ServiceHeaders Headers { get; }

    /// <summary>The body as it arrives, chunk by chunk; null when the message came whole.</summary>
    public LiveBody? Live { get; }

    public ReadOnlyMemory<byte> Body => Bytes;

    public string? ContentType => Headers.GetValueOrDefault("Content-Type");

    /// <summary>The body decoded with the charset of <see cref="ContentType"/> (UTF-8 when it names none).</summary>
    public string BodyText => MessageBodyConverter.Decode(Bytes, MessageBodyConverter.EncodingOf(ContentType));

    /// <summary>The body read as the gateway's <c>Body.As&lt;T&gt;()</c> reads it (string, byte[], JObject, XElement, …).</summary>
    public T? BodyAs<T>() => MessageBodyConverter.Convert<T>(Bytes, MessageBodyConverter.EncodingOf(ContentType));

    // The bytes themselves, never a copy: the decoders only read them, and every simulated service decodes each request.
    private byte[] Bytes => Live?.ReadToEnd() ?? _body;
}
