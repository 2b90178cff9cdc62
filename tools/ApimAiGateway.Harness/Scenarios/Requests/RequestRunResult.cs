using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway;

namespace ApimAiGateway.Harness.Scenarios.Requests;

/// <summary>The gateway's answer to one request, or the located reasons it could not run (null result).</summary>
public sealed record RequestRunResult(GatewayResult? Result, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The policies have errors: the gateway could not be built.</summary>
    public bool PoliciesHaveErrors { get; init; }
}
