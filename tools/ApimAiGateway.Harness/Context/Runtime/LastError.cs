namespace ApimAiGateway.Harness.Context.Runtime;

public sealed record LastError(string Source, string Message) : ILastError
{
    public string? Reason { get; init; }

    public string? Scope { get; init; }

    public string? Section { get; init; }

    public string? Path { get; init; }

    public string? PolicyId { get; init; }
}
