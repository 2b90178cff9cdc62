using System.Diagnostics.CodeAnalysis;

namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>
/// A mutable absolute URL: rewrite-uri changes <see cref="Path"/>, set-query-parameter changes <see cref="Query"/>,
/// set-backend-service changes scheme, host and port. <see cref="Path"/> keeps the escaped form of the URL.
/// </summary>
public sealed class Url : IUrl
{
    private Url(string scheme, string host, int port, string path, MultiValueDictionary query)
    {
        Scheme = scheme;
        Host = host;
        Port = port;
        Path = path;
        Query = query;
    }

    /// <summary>Takes scheme, host, port (the scheme's default when absent), path and query of an absolute URI.</summary>
    public Url(Uri absolute)
        : this(RequireAbsolute(absolute).Scheme, absolute.Host, absolute.Port, absolute.AbsolutePath, ParseQuery(absolute.Query))
    {
    }

    public string Scheme { get; set; }

    public string Host { get; set; }

    public int Port { get; set; }

    public string Path { get; set; }

    public MultiValueDictionary Query { get; }

    IMultiValueDictionary IUrl.Query => Query;

    public string QueryString => UrlEncodedForm.Format(Query) is { } query ? "?" + query : "";

    /// <summary>Parses an absolute http(s) URL; false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out Url? url)
    {
        url = Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? new Url(uri)
            : null;
        return url is not null;
    }

    public Url Clone() => new(Scheme, Host, Port, Path, Query.Clone());

    public override string ToString()
    {
        var isDefaultPort = (Scheme, Port) is ("http", 80) or ("https", 443);
        return $"{Scheme}://{Host}{(isDefaultPort ? "" : ":" + Port)}{Path}{QueryString}";
    }

    private static Uri RequireAbsolute(Uri uri) =>
        uri.IsAbsoluteUri ? uri : throw new ArgumentException("The URI must be absolute.", nameof(uri));

    private static MultiValueDictionary ParseQuery(string query)
    {
        var parsed = MultiValueDictionary.ForQuery();
        foreach (var (name, value) in UrlEncodedForm.Parse(query.TrimStart('?')))
        {
            parsed.Append(name, value);
        }

        return parsed;
    }
}
