namespace ApimAiGateway.Delivery.Tests;

/// <summary>A test class whose every test gets a fresh <see cref="DeliveryFixture"/>: repository, stand-in and client.</summary>
public abstract class DeliveryTest : IAsyncLifetime
{
    protected DeliveryFixture World { get; } = new();

    public Task InitializeAsync() => World.InitializeAsync();

    public Task DisposeAsync() => World.DisposeAsync();
}
