using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>Turns body bytes into the types <see cref="IMessageBody.As{T}"/> supports.</summary>
internal static class MessageBodyConverter
{
    /// <summary>
    /// Empty content gives an empty string or array, and null for the JSON and XML types: that is what a body
    /// already consumed reads as (a second <c>As&lt;XElement&gt;()</c> yields null, the NullReferenceException
    /// reported in "APIM: Expression evaluation failed. Object reference not set to an instance of an object",
    /// Azure China blog on reading the body twice). Malformed JSON or XML throws, failing the expression.
    /// </summary>
    public static T? Convert<T>(byte[] content, Encoding encoding)
    {
        if (typeof(T) == typeof(byte[]))
        {
            return (T)(object)content.ToArray();
        }

        var text = Decode(content, encoding);
        object? converted = typeof(T) switch
        {
            var type when type == typeof(string) => text,
            _ when text.Length == 0 => null,
            var type when type == typeof(JToken) => JToken.Parse(text),
            var type when type == typeof(JObject) => JObject.Parse(text),
            var type when type == typeof(JArray) => JArray.Parse(text),
            var type when type == typeof(XDocument) => XDocument.Parse(text),
            var type when type == typeof(XElement) || type == typeof(XNode) => XElement.Parse(text),
            var type => throw new NotSupportedException(
                $"A message body cannot be read as {type.FullName}; use string, byte[], JToken, JObject, JArray, XNode, XElement or XDocument."),
        };
        return (T?)converted;
    }

    /// <summary>The charset of the content type, UTF-8 when absent or unknown.</summary>
    public static Encoding EncodingOf(string? contentType)
    {
        if (MediaTypeHeaderValue.TryParse(contentType, out var mediaType) && mediaType.CharSet is { } charset)
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim('"'));
            }
            catch (ArgumentException)
            {
                return Encoding.UTF8;
            }
        }

        return Encoding.UTF8;
    }

    public static string Decode(byte[] content, Encoding encoding)
    {
        using var reader = new StreamReader(new MemoryStream(content), encoding, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
