namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>
/// Data-flow warnings APIM itself does not give: mistakes that pass its save-time checks and fail, or silently
/// misbehave, at run time.
/// </summary>
public static class AnalysisDiagnostics
{
    /// <summary>{0} = variable name, {1} = the pipeline, e.g. "API 'openai'".</summary>
    public static readonly DiagnosticDescriptor VariableNeverSet = new(
        "AGW5001", DiagnosticSeverity.Warning, "Variable read but never set",
        "Variable '{0}' is read here, but nothing in the composed pipeline of {1} sets it; reading it fails at run time unless a default is given.");

    /// <summary>{0} = request|response, {1} = what reads the body later.</summary>
    public static readonly DiagnosticDescriptor BodyConsumedBeforeLaterRead = new(
        "AGW5002", DiagnosticSeverity.Warning, "Body consumed before a later read",
        "The {0} body is read here without preserveContent: true, which consumes it; {1} then sees an empty body.");
}
