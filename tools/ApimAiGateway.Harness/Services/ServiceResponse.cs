using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Services;

/// <summary>
/// What a simulated service answered: an immutable snapshot that can be handed out for any number of calls. Its body
/// is bytes, or a <see cref="LiveBody"/> still arriving (a stream), which every reader sees whole all the same.
/// </summary>
public sealed class ServiceResponse : ServiceMessage
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string TextContentType = "text/plain; charset=utf-8";

    public ServiceResponse(int statusCode, ServiceHeaders? headers = null, ReadOnlySpan<byte> body = default, string? reasonPhrase = null)
        : base(headers ?? ServiceHeaders.Empty, body)
    {
        StatusCode = FinalStatus(statusCode);
        ReasonPhrase = reasonPhrase ?? ReasonPhrases.For(statusCode);
    }

    /// <summary>A response whose body is still arriving: it is sent on chunk by chunk as the sender produces it.</summary>
    public ServiceResponse(int statusCode, ServiceHeaders headers, LiveBody body, string? reasonPhrase = null)
        : base(headers, body)
    {
        StatusCode = FinalStatus(statusCode);
        ReasonPhrase = reasonPhrase ?? ReasonPhrases.For(statusCode);
    }

    public int StatusCode { get; }

    public string ReasonPhrase { get; }

    public static ServiceResponse Status(int statusCode) => new(statusCode);

    public static ServiceResponse Json(string json, int statusCode = 200) => Text(json, statusCode, JsonContentType);

    public static ServiceResponse Json(JToken json, int statusCode = 200) =>
        Json(json.ToString(Formatting.None), statusCode);

    public static ServiceResponse Text(string text, int statusCode = 200, string contentType = TextContentType) =>
        new(statusCode, ServiceHeaders.Empty.With("Content-Type", contentType), Encoding.UTF8.GetBytes(text));

    /// <summary>A copy with the header set; responses are immutable so one can be shared by many calls.</summary>
    public ServiceResponse WithHeader(string name, params string[] values) => Live is { } live
        ? new(StatusCode, Headers.With(name, values), live, ReasonPhrase)
        : new(StatusCode, Headers.With(name, values), Body.Span, ReasonPhrase);

    // The range HTTP defines for final responses (RFC 9110 §15); 1xx are interim and never end a call.
    private static int FinalStatus(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        return statusCode;
    }

    public override string ToString() => $"{StatusCode} {ReasonPhrase}";
}
