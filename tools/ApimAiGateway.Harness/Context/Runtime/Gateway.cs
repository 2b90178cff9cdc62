namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>Defaults describe the managed gateway ("managed" ids, per the docs).</summary>
public sealed record Gateway : IGateway
{
    public string Id { get; init; } = "managed";

    public string InstanceId { get; init; } = "managed";

    public bool IsManaged { get; init; } = true;
}
