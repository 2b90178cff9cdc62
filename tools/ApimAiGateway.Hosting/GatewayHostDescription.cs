using ApimAiGateway.Harness.Backends;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Hosting.Regions;
using ApimAiGateway.Hosting.Subscriptions;

namespace ApimAiGateway.Hosting;

/// <summary>What a running gateway host serves, for its startup summary and for tests.</summary>
public sealed record GatewayHostDescription
{
    public required string RepositoryRoot { get; init; }

    public required IReadOnlyList<ApiDefinition> Apis { get; init; }

    public required IReadOnlyList<string> Products { get; init; }

    public required IReadOnlyList<LocalSubscription> Subscriptions { get; init; }

    public required string SubscriptionsFile { get; init; }

    /// <summary>The file holding an access token per subscription, when the served policies validate Entra ID tokens.</summary>
    public string? CallerTokensFile { get; init; }

    /// <summary>Whether the subscriptions file was created on this start, with fresh random keys.</summary>
    public bool SubscriptionsCreated { get; init; }

    public required IReadOnlyList<BackendDefinition> Backends { get; init; }

    public required IReadOnlyList<SimulatedRegion> Regions { get; init; }

    /// <summary>Regions served by real endpoints, by region code.</summary>
    public required IReadOnlyDictionary<string, Uri> Endpoints { get; init; }

    public required IReadOnlyDictionary<string, string> Deployments { get; init; }
}
