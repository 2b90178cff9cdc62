namespace ApimAiGateway.Harness.Execution;

/// <summary>
/// An error in the pipeline, as APIM records it in <c>context.LastError</c> (apim-reference §5): which policy or
/// step failed, a machine-friendly reason, a message, and the status the caller gets when no on-error handles it.
/// The executor fills in scope, section, path and policy id from where it was thrown.
/// </summary>
public sealed class PolicyException(string source, string? reason, string message, int statusCode = 500) : Exception(message)
{
    /// <summary>LastError.Source: the policy (or built-in step) that failed.</summary>
    public string ErrorSource { get; } = source;

    public string? Reason { get; } = reason;

    public int StatusCode { get; } = statusCode;

    /// <summary>Headers the failing step returns with its error (Retry-After for limits).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>
    /// The message the caller's error body carries when it differs from LastError.Message: check-header answers
    /// with its failed-check-error-message while LastError keeps the predefined text (apim-reference §4.23).
    /// </summary>
    public string? ResponseMessage { get; init; }

    /// <summary>Where the failing policy stands; set by the step that wraps it.</summary>
    public PolicyLocation? Location { get; set; }
}
