namespace ApimAiGateway.Harness.Services;

/// <summary>
/// Where a simulated service listens: a host, optionally a port, and a path prefix that matches whole segments
/// (<c>/openai</c> takes <c>/openai</c> and <c>/openai/deployments</c>, not <c>/openaiX</c>).
/// </summary>
public sealed record ServiceRoute(string Name, string Host, int? Port, string PathPrefix)
{
    /// <summary>
    /// The route of a base URL: its host, its port only when written explicitly (not the scheme's default), and its
    /// path without a trailing slash.
    /// </summary>
    public static ServiceRoute ForBaseUrl(string name, Uri baseUrl) =>
        new(name, baseUrl.Host, baseUrl.IsDefaultPort ? null : baseUrl.Port, baseUrl.AbsolutePath.TrimEnd('/'));

    /// <summary>Routes are the same place when they would take the same requests, whatever their names.</summary>
    public bool SharesPlaceWith(ServiceRoute other) =>
        string.Equals(Host, other.Host, StringComparison.OrdinalIgnoreCase) && Port == other.Port
        && string.Equals(PathPrefix, other.PathPrefix, StringComparison.Ordinal);

    public bool Matches(Uri uri)
    {
        if (!string.Equals(uri.Host, Host, StringComparison.OrdinalIgnoreCase) || (Port is { } port && uri.Port != port))
        {
            return false;
        }

        var path = uri.AbsolutePath;
        return path.StartsWith(PathPrefix, StringComparison.Ordinal)
            && (path.Length == PathPrefix.Length || path[PathPrefix.Length] == '/');
    }

    public override string ToString() => $"{Name} ({Host}{(Port is { } port ? ":" + port : "")}{PathPrefix})";
}
