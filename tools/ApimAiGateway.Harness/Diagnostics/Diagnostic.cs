namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>One finding about a policy file, located at the exact place in the XML that causes it.</summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The text form `path:line:col: error|warning CODE: message`, the shape compilers and editors use.</summary>
    public override string ToString() =>
        $"{Location}: {(IsError ? "error" : "warning")} {Code}: {Message}";
}
