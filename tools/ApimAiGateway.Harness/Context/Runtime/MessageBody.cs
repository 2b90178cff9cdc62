using System.Text;

namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>
/// A request or response body with APIM's consumption rule: a read without <c>preserveContent: true</c> takes the
/// content away ("the original message body is lost and must be set by returning the body back in the
/// expression", "set-body policy"), so later reads see an empty body and the message carries no content onward
/// unless a policy sets a new body. A read with <c>preserveContent: true</c> leaves it in place.
/// </summary>
public sealed class MessageBody(byte[] content, string? contentType = null) : IMessageBody
{
    private readonly Encoding _encoding = MessageBodyConverter.EncodingOf(contentType);
    private byte[] _content = content;

    /// <summary>The media type the body was given with; the message's <c>Content-Type</c> header is authoritative.</summary>
    public string? ContentType { get; } = contentType;

    /// <summary>What the message carries onward: the original bytes, or nothing once consumed.</summary>
    public ReadOnlyMemory<byte> Content => _content;

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
        var current = _content;
        if (!preserveContent)
        {
            _content = [];
            IsConsumed = true;
        }

        return current;
    }
}
