using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Gateway;

/// <summary>The policies a gateway was to be built from have errors; each is located in its file.</summary>
public sealed class GatewayBuildException(IReadOnlyList<Diagnostic> diagnostics)
    : Exception("The gateway's policies have errors:\n" + string.Join("\n", diagnostics.Where(d => d.IsError)))
{
    public IReadOnlyList<Diagnostic> Diagnostics { get; } = diagnostics;
}
