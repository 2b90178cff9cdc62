using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Services.Files;

/// <summary>What a services file declares: the valid services (even when others had errors) and the diagnostics.</summary>
public sealed record ServicesFile(IReadOnlyList<ServiceDefinition> Services, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
