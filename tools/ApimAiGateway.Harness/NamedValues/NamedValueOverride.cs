using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.NamedValues;

/// <summary>The value an environment file gives one plain named value of the catalog, and where it does so.</summary>
public sealed record NamedValueOverride(string Name, string Value, SourceLocation Location)
{
    /// <summary>
    /// Leaves the value out: an environment file may not hold a secret, but one written there by mistake must not be
    /// echoed by whatever logs the override before the layering rejects it.
    /// </summary>
    public override string ToString() => $"{Name} (set at {Location})";
}
