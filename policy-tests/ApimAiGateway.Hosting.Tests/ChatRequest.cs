using System.Text;

namespace ApimAiGateway.Hosting.Tests;

/// <summary>A chat completion sent by hand (no SDK), for what the official client does not show: raw statuses, direct calls.</summary>
internal static class ChatRequest
{
    public static HttpRequestMessage To(Uri baseAddress, string? key, string prompt, string deployment = "gpt-4o", string query = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, $"openai/deployments/{deployment}/chat/completions?api-version=2024-10-21{query}"))
        {
            Content = new StringContent($$"""{"messages":[{"role":"user","content":"{{prompt}}"}]}""", Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("api-key", key);
        }

        return request;
    }
}
