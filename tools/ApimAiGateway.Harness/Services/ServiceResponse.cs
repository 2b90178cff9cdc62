using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Services;

/// <summary>What a simulated service answered: an immutable snapshot that can be handed out for any number of calls.</summary>
public sealed class ServiceResponse : ServiceMessage
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string TextContentType = "text/plain; charset=utf-8";

    public ServiceResponse(int statusCode, ServiceHeaders? headers = null, ReadOnlySpan<byte> body = default, string? reasonPhrase = null)
        : base(headers ?? ServiceHeaders.Empty, body)
    {
        // The range HTTP defines for final responses (RFC 9110 §15); 1xx are interim and never end a call.
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 599);
        StatusCode = statusCode;
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
    public ServiceResponse WithHeader(string name, params string[] values) =>
        new(StatusCode, Headers.With(name, values), Body.Span, ReasonPhrase);

    public override string ToString() => $"{StatusCode} {ReasonPhrase}";
}
