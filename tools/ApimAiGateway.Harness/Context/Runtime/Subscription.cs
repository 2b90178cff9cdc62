namespace ApimAiGateway.Harness.Context.Runtime;

public sealed record Subscription : ISubscription
{
    public DateTime CreatedDate { get; init; }

    public DateTime? EndDate { get; init; }

    public string Id { get; init; } = "";

    public string Key { get; init; } = "";

    public string Name { get; init; } = "";

    public string PrimaryKey { get; init; } = "";

    public string SecondaryKey { get; init; } = "";

    public DateTime? StartDate { get; init; }
}
