namespace ApimAiGateway.Hosting.Http;

/// <summary>
/// Headers that describe one connection or one framing of the body (RFC 9110 §7.6.1) rather than the message: they
/// are never copied from one hop to the next, and the server sets Content-Length for the body it writes.
/// </summary>
internal static class HttpHeaderRules
{
    private static readonly HashSet<string> PerHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length", "Host",
    };

    public static bool IsCopied(string name) => !PerHop.Contains(name);
}
