namespace ApimAiGateway.Hosting.Tests;

/// <summary>
/// A repository served on a loopback port of the system's choosing, with its subscriptions file (and caller tokens)
/// created on first run in a temporary directory. Shared by the tests of a class, which xunit runs one after another.
/// </summary>
public abstract class ServedGateway(string root) : IAsyncLifetime
{
    private readonly string _directory = TestRepository.TemporaryDirectory();

    internal LineLog Log { get; } = new();

    public GatewayHost Host { get; private set; } = null!;

    public string KeyOf(string product) => Host.Description.Subscriptions.Single(s => s.ProductId == product).Key;

    public async Task InitializeAsync()
    {
        var started = await GatewayHost.StartAsync(new GatewayHostOptions
        {
            RepositoryRoot = root,
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
