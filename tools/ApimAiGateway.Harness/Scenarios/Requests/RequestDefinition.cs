using ApimAiGateway.Harness.Gateway;

namespace ApimAiGateway.Harness.Scenarios.Requests;

/// <summary>
/// A request as a scenario step or a request file writes it: the call itself and, for a request file run on its
/// own, the product and user its subscription stands for.
/// </summary>
public sealed record RequestDefinition(GatewayCall Call)
{
    /// <summary>The subscription the call is made with, by id; null calls without one unless a key header is sent.</summary>
    public string? Subscription { get; init; }

    public string? Product { get; init; }

    public UserDefinition? User { get; init; }

    /// <summary>Where the request is written, for diagnostics about what it names.</summary>
    public Diagnostics.SourceLocation Location { get; init; } = Diagnostics.SourceLocation.StartOf("request");
}
