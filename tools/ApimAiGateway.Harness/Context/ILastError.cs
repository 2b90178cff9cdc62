namespace ApimAiGateway.Harness.Context;

/// <summary>
/// <c>context.LastError</c> ("Error handling in API Management policies", the <c>ProxyError</c> type).
/// Source and Message are always set; the rest only when known.
/// </summary>
public interface ILastError
{
    /// <summary>Policy or built-in step where the error happened, e.g. <c>validate-jwt</c> or <c>configuration</c>.</summary>
    string Source { get; }

    /// <summary>Machine-friendly error code, e.g. <c>TokenNotPresent</c>.</summary>
    string? Reason { get; }

    string Message { get; }

    /// <summary>Scope whose policy document failed: <c>global</c>, <c>product</c>, <c>api</c> or <c>operation</c>.</summary>
    string? Scope { get; }

    /// <summary><c>inbound</c>, <c>backend</c>, <c>outbound</c> or <c>on-error</c>.</summary>
    string? Section { get; }

    /// <summary>Position of the failing policy among nested policies, e.g. <c>choose[3]/when[2]</c>.</summary>
    string? Path { get; }

    /// <summary>Value of the failing policy's <c>id</c> attribute, if the author set one.</summary>
    string? PolicyId { get; }
}
