namespace ApimAiGateway.Harness.Backends;

/// <summary>A backend entity in the shape of the ARM resource (apim-reference §4.35): a single URL, or a pool.</summary>
public sealed record BackendDefinition(string Id, BackendKind Kind, Uri? Url)
{
    public CircuitBreakerRule? CircuitBreaker { get; init; }

    public IReadOnlyList<PoolMember> Members { get; init; } = [];

    /// <summary>The Azure region the backend runs in, when known (surfaced as context.Backend.AzureRegion).</summary>
    public string? AzureRegion { get; init; }
}

public enum BackendKind
{
    Single,
    Pool,
}

/// <summary>A pool member: a single backend, its priority group (lower is used first) and its weight in the group.</summary>
public sealed record PoolMember(string BackendId, int Priority, int Weight);
