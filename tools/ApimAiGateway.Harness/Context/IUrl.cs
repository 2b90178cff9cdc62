namespace ApimAiGateway.Harness.Context;

/// <summary>A URL as expressions see it (<c>context.Request.Url</c>, <c>OriginalUrl</c>, <c>Api.ServiceUrl</c>).</summary>
public interface IUrl
{
    string Host { get; }

    string Path { get; }

    /// <summary>An int as the docs declare it (Microsoft's policy toolkit declares a string).</summary>
    int Port { get; }

    IMultiValueDictionary Query { get; }

    /// <summary>
    /// The query with its leading <c>?</c>, or empty when there is none, so that <c>Url.Path + Url.QueryString</c>
    /// rebuilds path and query as the docs' examples do.
    /// </summary>
    string QueryString { get; }

    string Scheme { get; }
}
