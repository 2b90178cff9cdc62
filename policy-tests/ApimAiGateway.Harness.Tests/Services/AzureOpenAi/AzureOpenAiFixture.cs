using System.Text;
using ApimAiGateway.Harness.Services;
using ApimAiGateway.Harness.Services.AzureOpenAi;
using Microsoft.Extensions.Time.Testing;

namespace ApimAiGateway.Harness.Tests.Services.AzureOpenAi;

/// <summary>A simulated resource mapped on a network with a virtual clock, and helpers to call it.</summary>
internal sealed class AzureOpenAiFixture
{
    public const string Host = "aoai-eastus.openai.azure.com";
    public const string ApiVersion = "2024-10-21";

    public AzureOpenAiFixture(int tokensPerMinute = 30_000, TimeSpan latency = default)
    {
        Service = new SimulatedAzureOpenAi(new SimulatedAzureOpenAiOptions
        {
            Region = "East US",
            Deployments = new Dictionary<string, string> { ["chat"] = "gpt-4o", ["legacy"] = "gpt-35-turbo", ["embed"] = "text-embedding-3-small" },
            TokensPerMinute = tokensPerMinute,
            Latency = latency,
            ApiKey = "secret",
        });
        Network = new ServiceRegistry(Clock).Map(Host, Service);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    public SimulatedAzureOpenAi Service { get; }

    public ServiceRegistry Network { get; }

    public static string ChatPath(string deployment = "chat") =>
        $"/openai/deployments/{deployment}/chat/completions?api-version={ApiVersion}";

    public Task<ServiceOutcome> Chat(string body, string deployment = "chat") => Post(ChatPath(deployment), body);

    public async Task<ServiceResponse> ChatResponse(string body, string deployment = "chat")
    {
        var outcome = await Chat(body, deployment);
        Assert.True(outcome.IsResponse, outcome.ToString());
        return outcome.Response;
    }

    public Task<ServiceOutcome> Post(string pathAndQuery, string body, string header = "api-key", string value = "secret")
    {
        var headers = ServiceHeaders.From([new(header, [value]), new("Content-Type", ["application/json"])]);
        var request = new ServiceRequest("POST", new Uri($"https://{Host}{pathAndQuery}"), headers, Encoding.UTF8.GetBytes(body));
        return Network.SendAsync(request).AsTask();
    }

    public static string UserMessage(string text, string extra = "") =>
        $$"""{"messages":[{"role":"user","content":"{{text}}"}]{{extra}}}""";
}
