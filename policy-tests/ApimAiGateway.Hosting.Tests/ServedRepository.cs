using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using OpenAI.Chat;

namespace ApimAiGateway.Hosting.Tests;

/// <summary>
/// The test repository served on a loopback port of the system's choosing, with its subscriptions file created on
/// first run in a temporary directory. Shared by the tests of a class, which xunit runs one after another.
/// </summary>
public sealed class ServedRepository : IAsyncLifetime
{
    private readonly string _directory = TestRepository.TemporaryDirectory();

    internal LineLog Log { get; } = new();

    public GatewayHost Host { get; private set; } = null!;

    public string KeyOf(string product) => Host.Description.Subscriptions.Single(s => s.ProductId == product).Key;

    /// <summary>The official Azure OpenAI client pointed at the gateway, with retries off so a test sees every 429.</summary>
    public ChatClient Chat(string product, string deployment = "gpt-4o") => Client(product).GetChatClient(deployment);

    public AzureOpenAIClient Client(string product) =>
        new(Host.Address, new ApiKeyCredential(KeyOf(product)), new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 0) });

    public async Task InitializeAsync()
    {
        var started = await GatewayHost.StartAsync(new GatewayHostOptions
        {
            RepositoryRoot = TestRepository.Root,
            Port = 0,
            SubscriptionsFile = Path.Combine(_directory, "subscriptions.json"),
        }, Log);
        Host = started.Host ?? throw new InvalidOperationException(string.Join(Environment.NewLine, started.Diagnostics.Select(d => d.ToString()).Concat(started.Problems)));
    }

    public async Task DisposeAsync()
    {
        try
        {
            // Null when InitializeAsync failed; the directory goes all the same.
            if ((GatewayHost?)Host is { } host)
            {
                await host.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
