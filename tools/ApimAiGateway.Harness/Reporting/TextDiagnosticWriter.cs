using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reporting;

/// <summary>One line per diagnostic, <c>path:line:col: error|warning CODE: message</c>, as compilers print them.</summary>
public sealed class TextDiagnosticWriter : IDiagnosticWriter
{
    public void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.WriteLine(diagnostic.ToString());
        }
    }
}
