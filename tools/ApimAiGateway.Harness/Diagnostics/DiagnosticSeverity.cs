namespace ApimAiGateway.Harness.Diagnostics;

public enum DiagnosticSeverity
{
    Error,
    Warning,
}
