namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>Problems with what a command was given to read, as opposed to problems inside policy files.</summary>
public static class InputDiagnostics
{
    public static readonly DiagnosticDescriptor PathNotFound = new(
        "AGW9001", DiagnosticSeverity.Error, "Path not found", "No file or directory exists at '{0}'.");

    public static readonly DiagnosticDescriptor NoPolicyFiles = new(
        "AGW9002", DiagnosticSeverity.Error, "No policy files", "No policy files (*.xml) were found under '{0}'.");

    /// <summary>Whether a diagnostic is about the input itself (exit code 2) rather than the policies (exit code 1).</summary>
    public static bool IsInputProblem(Diagnostic diagnostic) =>
        diagnostic.Code is "AGW9001" or "AGW9002" || diagnostic.Code == ReaderDiagnostics.FileUnreadable.Code;
}
