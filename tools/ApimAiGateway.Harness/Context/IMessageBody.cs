namespace ApimAiGateway.Harness.Context;

/// <summary>
/// A request or response body. Reading it consumes it unless <c>preserveContent</c> is true: "By default when you
/// access the message body using context.Request.Body or context.Response.Body, the original message body is lost"
/// ("set-body policy", Important note).
/// </summary>
public interface IMessageBody
{
    /// <summary>
    /// Reads the body as <c>string</c>, <c>byte[]</c>, <c>JToken</c>, <c>JObject</c>, <c>JArray</c>,
    /// <c>XNode</c>, <c>XElement</c> or <c>XDocument</c>.
    /// </summary>
    T? As<T>(bool preserveContent = false);

    /// <summary>Reads an <c>application/x-www-form-urlencoded</c> body as name to values.</summary>
    IDictionary<string, IList<string>> AsFormUrlEncodedContent(bool preserveContent = false);
}
