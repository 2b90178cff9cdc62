using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Hosting.Subscriptions;

namespace ApimAiGateway.Hosting;

/// <summary>A gateway read, checked and compiled, with what it was made from, before any port is opened.</summary>
/// <param name="RegionHosts">The regional accounts the backends address: region code and host.</param>
/// <param name="CallerTokensFile">Where the local callers' tokens were written; null when the policies need none.</param>
/// <param name="Diagnostics">Warnings met on the way; there are no errors, or nothing would be prepared.</param>
internal sealed record PreparedGateway(
    SimulatedGateway Gateway,
    GatewayBlueprint Blueprint,
    IReadOnlyList<string> Products,
    LocalSubscriptionsLoad Subscriptions,
    IReadOnlyList<(string Code, string Host)> RegionHosts,
    string? CallerTokensFile,
    IReadOnlyList<Diagnostic> Diagnostics);
