using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using OpenAI.Chat;

namespace ApimAiGateway.Hosting.Tests;

/// <summary>The test repository (TestRepository/) served for the official client.</summary>
public sealed class ServedRepository() : ServedGateway(TestRepository.Root)
{
    /// <summary>The official Azure OpenAI client pointed at the gateway, with retries off so a test sees every 429.</summary>
    public ChatClient Chat(string product, string deployment = "gpt-4o") => Client(product).GetChatClient(deployment);

    public AzureOpenAIClient Client(string product) =>
        new(Host.Address, new ApiKeyCredential(KeyOf(product)), new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 0) });
}
