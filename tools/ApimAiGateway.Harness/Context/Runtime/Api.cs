namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>An API as a product lists it.</summary>
public sealed record Api : IApi
{
    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public string Path { get; init; } = "";

    public IEnumerable<string> Protocols { get; init; } = ["https"];

    public IUrl? ServiceUrl { get; init; }

    public ISubscriptionKeyParameterNames SubscriptionKeyParameterNames { get; init; } = new SubscriptionKeyParameterNames();
}
