using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reporting;

/// <summary>Writes a set of diagnostics in one report format.</summary>
public interface IDiagnosticWriter
{
    void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics);

    public static IDiagnosticWriter For(DiagnosticFormat format) => format switch
    {
        DiagnosticFormat.Text => new TextDiagnosticWriter(),
        DiagnosticFormat.Json => new JsonDiagnosticWriter(),
        DiagnosticFormat.Sarif => new SarifDiagnosticWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown diagnostic format."),
    };
}
