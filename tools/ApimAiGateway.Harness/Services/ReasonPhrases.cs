using System.Net;

namespace ApimAiGateway.Harness.Services;

/// <summary>The standard reason phrase of a status code, as .NET's HTTP stack reports it ("Too Many Requests").</summary>
internal static class ReasonPhrases
{
    public static string For(int statusCode)
    {
        using var message = new HttpResponseMessage((HttpStatusCode)statusCode);
        return message.ReasonPhrase ?? "";
    }
}
