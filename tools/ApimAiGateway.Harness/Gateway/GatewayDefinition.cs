using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.Gateway;

/// <summary>The read policy documents and entities a simulated gateway is built from.</summary>
public sealed class GatewayDefinition
{
    public PolicyDocument? Global { get; init; }

    public IReadOnlyDictionary<string, PolicyDocument> Products { get; init; } = new Dictionary<string, PolicyDocument>();

    public IReadOnlyDictionary<string, PolicyDocument> Apis { get; init; } = new Dictionary<string, PolicyDocument>();

    public IReadOnlyDictionary<(string Api, string Operation), PolicyDocument> Operations { get; init; } = new Dictionary<(string, string), PolicyDocument>();

    public required FragmentIndex Fragments { get; init; }

    public IReadOnlyList<ApiDefinition> ApiDefinitions { get; init; } = [];

    public IReadOnlyList<ProductDefinition> ProductDefinitions { get; init; } = [];

    public IReadOnlyList<SubscriptionDefinition> Subscriptions { get; init; } = [];
}
