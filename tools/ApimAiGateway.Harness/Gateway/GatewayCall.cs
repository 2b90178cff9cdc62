namespace ApimAiGateway.Harness.Gateway;

/// <summary>
/// A request sent to the simulated gateway, and who sends it. The URL is absolute (any host) or a path; the
/// caller's subscription is taken from its key as APIM does, or set directly with <see cref="SubscriptionId"/>.
/// </summary>
public sealed record GatewayCall(string Method, string Url)
{
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public byte[] Body { get; init; } = [];

    public string? ContentType { get; init; }

    /// <summary>Use this subscription without presenting a key.</summary>
    public string? SubscriptionId { get; init; }

    public string IpAddress { get; init; } = "127.0.0.1";

    public static GatewayCall Get(string url) => new("GET", url);

    public static GatewayCall PostJson(string url, string json) => new("POST", url)
    {
        Body = System.Text.Encoding.UTF8.GetBytes(json),
        ContentType = "application/json",
    };

    public GatewayCall WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };
}
