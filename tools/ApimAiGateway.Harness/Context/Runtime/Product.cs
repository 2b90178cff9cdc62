namespace ApimAiGateway.Harness.Context.Runtime;

public sealed record Product : IProduct
{
    public IEnumerable<IApi> Apis { get; init; } = [];

    public bool ApprovalRequired { get; init; }

    public IEnumerable<IGroup> Groups { get; init; } = [];

    public string Id { get; init; } = "";

    public string Name { get; init; } = "";

    public ProductState State { get; init; } = ProductState.Published;

    public int? SubscriptionsLimit { get; init; }

    public bool SubscriptionRequired { get; init; } = true;
}
