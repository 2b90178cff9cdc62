using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.NamedValues;

/// <summary>The named values read from a file (the valid entries, even when others had errors) and the diagnostics.</summary>
public sealed record NamedValueLoadResult(NamedValueSet Set, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
