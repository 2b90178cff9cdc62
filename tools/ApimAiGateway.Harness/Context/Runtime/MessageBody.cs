using System.Text;
using ApimAiGateway.Harness.Services;

namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>
/// A request or response body with APIM's consumption rule: a read without <c>preserveContent: true</c> takes the
/// content away ("the original message body is lost and must be set by returning the body back in the
/// expression", "set-body policy"), so later reads see an empty body and the message carries no content onward
/// unless a policy sets a new body. A read with <c>preserveContent: true</c> leaves it in place.
/// A body still arriving (<see cref="Live"/>, a stream relayed unbuffered) is buffered by the first read of
/// <see cref="Content"/> or <c>As&lt;T&gt;</c>: a policy that reads the body holds the stream up until it has ended.
/// </summary>
public sealed class MessageBody : IMessageBody
{
    private readonly Encoding _encoding;
    private byte[] _content;

    public MessageBody(byte[] content, string? contentType = null)
    {
        _content = content;
        ContentType = contentType;
        _encoding = MessageBodyConverter.EncodingOf(contentType);
    }

    public MessageBody(LiveBody live, string? contentType = null)
        : this([], contentType) => Live = live;

    /// <summary>The media type the body was given with; the message's <c>Content-Type</c> header is authoritative.</summary>
    public string? ContentType { get; }

    /// <summary>The body still arriving, relayed as it comes; null once buffered (or when it came whole).</summary>
    public LiveBody? Live { get; private set; }

    /// <summary>What the message carries onward: the original bytes, or nothing once consumed.</summary>
    public ReadOnlyMemory<byte> Content => Buffered();

    public bool IsConsumed { get; private set; }

    public static MessageBody FromText(string text, string? contentType = null) =>
        new(Encoding.UTF8.GetBytes(text), contentType);

    public T? As<T>(bool preserveContent = false) => MessageBodyConverter.Convert<T>(Read(preserveContent), _encoding);

    /// <summary>Name to values in order of appearance; names compare ordinally, as in the query string.</summary>
    public IDictionary<string, IList<string>> AsFormUrlEncodedContent(bool preserveContent = false)
    {
        var text = MessageBodyConverter.Decode(Read(preserveContent), _encoding);
        var form = new Dictionary<string, IList<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in UrlEncodedForm.Parse(text))
        {
            if (form.TryGetValue(name, out var values))
            {
                values.Add(value);
            }
            else
            {
                form[name] = [value];
            }
        }

        return form;
    }

    private byte[] Read(bool preserveContent)
    {
        var current = Buffered();
        if (!preserveContent)
        {
            _content = [];
            IsConsumed = true;
        }

        return current;
    }

    private byte[] Buffered()
    {
        if (Live is { } live)
        {
            _content = live.ReadToEnd();
            Live = null;
        }

        return _content;
    }
}
