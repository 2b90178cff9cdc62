using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Hosting;

/// <summary>A started host, or why none started: located diagnostics, or a one-line problem such as a taken port.</summary>
public sealed record GatewayStartResult
{
    public GatewayHost? Host { get; init; }

    public GatewayStartFailure Failure { get; init; }

    /// <summary>Everything reading the repository and building the gateway reported, warnings included.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>Problems that have no location: bad options, a taken port.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
