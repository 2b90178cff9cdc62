namespace ApimAiGateway.Harness.Context.Runtime;

public sealed record Operation : IOperation
{
    public string Id { get; init; } = "";

    public string Method { get; init; } = "";

    public string Name { get; init; } = "";

    public string UrlTemplate { get; init; } = "";
}
