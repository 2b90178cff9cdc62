namespace ApimAiGateway.Harness.Context.Runtime;

public sealed record Backend : IBackend
{
    public string Id { get; init; } = "";

    public BackendType Type { get; init; } = BackendType.Single;

    public string AzureRegion { get; init; } = "";
}
