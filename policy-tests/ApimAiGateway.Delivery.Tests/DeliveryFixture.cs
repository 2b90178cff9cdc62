using ApimAiGateway.Delivery.Arm;
using ApimAiGateway.Delivery.Publishing;
using ApimAiGateway.Delivery.Tests.StandIn;
using ApimAiGateway.Harness.Analysis;
using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Delivery.Tests;

/// <summary>
/// One test's world: a repository, the ARM stand-in, and the real ARM client pointed at it with a fake credential
/// and a delay that records the waits instead of sleeping.
/// </summary>
public sealed class DeliveryFixture : IAsyncLifetime
{
    public TestRepository Repository { get; } = new();

    public ArmStandIn Arm { get; private set; } = null!;

    public List<TimeSpan> Waits { get; } = [];

    public async Task InitializeAsync() => Arm = await ArmStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        await Arm.DisposeAsync();
        Repository.Dispose();
    }

    public ArmClient Client(int maxAttempts = 3, int maxResponseBytes = 4 * 1024 * 1024) =>
        new(Service, new FakeCredential(), new ArmClientOptions
        {
            Endpoint = Arm.Endpoint,
            MaxAttempts = maxAttempts,
            MaxPolls = 5,
            MaxResponseBytes = maxResponseBytes,
            Delay = (wait, _) =>
            {
                Waits.Add(wait);
                return Task.CompletedTask;
            },
        });

    public static ApimServiceAddress Service { get; } =
        ApimServiceAddress.TryCreate(ArmStandIn.Subscription, ArmStandIn.ResourceGroup, ArmStandIn.Service, out _)!;

    public async Task<PublishReport> PublishAsync(PublishRequest? request = null, ArmClient? client = null)
    {
        using var arm = client ?? Client();
        var linter = new PolicyLinter(PolicyCatalog.Default, new ExpressionCompiler(ExpressionCompilerOptions.Apim()));
        return await new Publisher(arm, linter).PublishAsync(request ?? new PublishRequest(Repository.Root));
    }

    public static string Print(PublishReport report)
    {
        var output = new StringWriter();
        PublishReportWriter.Write(report, output);
        return output.ToString();
    }
}
