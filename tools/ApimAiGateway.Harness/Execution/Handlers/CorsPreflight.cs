using ApimAiGateway.Harness.Context.Runtime;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// A CORS preflight: an OPTIONS request with Origin and Access-Control-Request-Method. On one, only the cors
/// policies that are direct children of inbound run, and none of them matching ends in an empty 200
/// (cors-policy, apim-reference §4.25).
/// </summary>
public static class CorsPreflight
{
    public const string RequestMethodHeader = "Access-Control-Request-Method";

    /// <summary>
    /// Whether this request is answered as a preflight: an API's own OPTIONS operation takes preflights itself
    /// (apim-reference §4.25), so then it is an ordinary request.
    /// </summary>
    public static bool Applies(PolicyExecutionContext context) =>
        Is(context.Request.Method, context.Request.Headers)
        && !string.Equals(context.Expression.Operation.Method, "OPTIONS", StringComparison.OrdinalIgnoreCase);

    public static bool Is(string method, MultiValueDictionary headers) =>
        string.Equals(method, "OPTIONS", StringComparison.OrdinalIgnoreCase)
        && headers.ContainsKey("Origin")
        && headers.ContainsKey(RequestMethodHeader);

    public static bool Is(string method, IEnumerable<KeyValuePair<string, string>> headers) =>
        string.Equals(method, "OPTIONS", StringComparison.OrdinalIgnoreCase)
        && headers.Any(h => h.Key.Equals("Origin", StringComparison.OrdinalIgnoreCase))
        && headers.Any(h => h.Key.Equals(RequestMethodHeader, StringComparison.OrdinalIgnoreCase));
}
