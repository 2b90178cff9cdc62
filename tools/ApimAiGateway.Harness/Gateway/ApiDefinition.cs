namespace ApimAiGateway.Harness.Gateway;

/// <summary>An API of the gateway: where it is served (its path suffix), where it forwards to, and its operations.</summary>
/// <param name="Operations">Empty means one wildcard operation that takes every method and path.</param>
public sealed record ApiDefinition(string Id, string Path, Uri ServiceUrl, IReadOnlyList<OperationDefinition> Operations)
{
    public string Name { get; init; } = Id;

    public bool SubscriptionRequired { get; init; } = true;

    /// <summary>APIM's defaults: the Ocp-Apim-Subscription-Key header and the subscription-key query parameter.</summary>
    public string SubscriptionKeyHeader { get; init; } = "Ocp-Apim-Subscription-Key";

    public string SubscriptionKeyQuery { get; init; } = "subscription-key";
}

/// <summary>An operation: a method (or <c>*</c>) and a URL template such as <c>/deployments/{deployment-id}/chat/completions</c>.</summary>
public sealed record OperationDefinition(string Id, string Method, string UrlTemplate)
{
    public string Name { get; init; } = Id;
}
