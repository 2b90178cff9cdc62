namespace ApimAiGateway.Harness.Gateway;

/// <summary>A product: the APIs it contains (empty means every API) and whether its APIs need a subscription.</summary>
public sealed record ProductDefinition(string Id, IReadOnlyList<string> ApiIds)
{
    public string Name { get; init; } = Id;

    public bool SubscriptionRequired { get; init; } = true;

    public bool Contains(string apiId) => ApiIds.Count == 0 || ApiIds.Contains(apiId, StringComparer.Ordinal);
}
