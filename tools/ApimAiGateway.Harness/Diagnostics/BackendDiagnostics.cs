namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>Problems in the backends file (policies/backends.json), the ARM-shaped declaration infra deploys.</summary>
public static class BackendDiagnostics
{
    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "AGW4001", DiagnosticSeverity.Error, "Backends file cannot be read", "The backends file cannot be read: {0}");

    public static readonly DiagnosticDescriptor MalformedFile = new(
        "AGW4002", DiagnosticSeverity.Error, "Malformed backends file", "The backends file is not valid JSON: {0}");

    /// <summary>{0} = backend name or index, {1} = what is wrong.</summary>
    public static readonly DiagnosticDescriptor InvalidBackend = new(
        "AGW4003", DiagnosticSeverity.Error, "Invalid backend", "Backend '{0}' is invalid: {1}");
}
