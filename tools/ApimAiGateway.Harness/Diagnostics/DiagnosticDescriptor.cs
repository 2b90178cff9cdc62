namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>
/// A diagnostic the harness itself defines: its stable code, default severity, a title for the catalog
/// and a message format (composite format string) filled per occurrence.
/// </summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title, string MessageFormat)
{
    public Diagnostic At(SourceLocation location, params object?[] args) =>
        new(Code, Severity, args.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, args), location);
}
