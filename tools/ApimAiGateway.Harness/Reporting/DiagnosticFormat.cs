namespace ApimAiGateway.Harness.Reporting;

/// <summary>The shapes a diagnostic report can take: for people, for scripts, for code-scanning services.</summary>
public enum DiagnosticFormat
{
    Text,
    Json,
    Sarif,
}
