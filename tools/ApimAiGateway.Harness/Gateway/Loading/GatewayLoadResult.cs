using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Gateway.Loading;

/// <summary>What was read for a gateway, and the located problems; with errors the blueprint is incomplete.</summary>
public sealed record GatewayLoadResult(GatewayBlueprint Blueprint, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
