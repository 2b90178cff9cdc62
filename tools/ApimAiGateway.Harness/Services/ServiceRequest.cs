namespace ApimAiGateway.Harness.Services;

/// <summary>A request as it left the gateway for a simulated service: an immutable snapshot taken when sent.</summary>
public sealed class ServiceRequest : ServiceMessage
{
    public ServiceRequest(string method, Uri uri, ServiceHeaders? headers = null, ReadOnlySpan<byte> body = default)
        : base(headers ?? ServiceHeaders.Empty, body)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("A request on the simulated network needs an absolute URI.", nameof(uri));
        }

        Method = method;
        Uri = uri;
    }

    public string Method { get; }

    public Uri Uri { get; }

    public override string ToString() => $"{Method} {Uri}";
}
