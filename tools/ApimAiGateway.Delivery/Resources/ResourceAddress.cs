namespace ApimAiGateway.Delivery.Resources;

/// <summary>
/// One resource of an API Management service: where it lives below the service in ARM, and where its XML lives in
/// the repository layout (docs/repository-layout.md). <see cref="Api"/> is the API of an operation policy.
/// </summary>
public sealed record ResourceAddress(ResourceKind Kind, string Name, string? Api = null)
{
    public static ResourceAddress Global { get; } = new(ResourceKind.GlobalPolicy, "policy");

    public string ArmPath => Kind switch
    {
        ResourceKind.NamedValue => $"namedValues/{Name}",
        ResourceKind.Backend => $"backends/{Name}",
        ResourceKind.Fragment => $"policyFragments/{Name}",
        ResourceKind.GlobalPolicy => "policies/policy",
        ResourceKind.ProductPolicy => $"products/{Name}/policies/policy",
        ResourceKind.ApiPolicy => $"apis/{Name}/policies/policy",
        _ => $"apis/{Api}/operations/{Name}/policies/policy",
    };

    /// <summary>The file in the repository layout, with '/' separators; null for named values and backends (JSON lists).</summary>
    public string? RepositoryPath => Kind switch
    {
        ResourceKind.Fragment => $"fragments/{Name}.xml",
        ResourceKind.GlobalPolicy => "policies/global.xml",
        ResourceKind.ProductPolicy => $"policies/products/{Name}.xml",
        ResourceKind.ApiPolicy => $"policies/apis/{Name}/api.xml",
        ResourceKind.OperationPolicy => $"policies/apis/{Api}/operations/{Name}.xml",
        _ => null,
    };

    /// <summary>Policies and fragments are XML documents sent and read as raw XML.</summary>
    public bool IsXml => Kind >= ResourceKind.Fragment;

    public override string ToString() => Kind switch
    {
        ResourceKind.NamedValue => $"named value {Name}",
        ResourceKind.Backend => $"backend {Name}",
        ResourceKind.Fragment => $"fragment {Name}",
        ResourceKind.GlobalPolicy => "global policy",
        ResourceKind.ProductPolicy => $"product policy {Name}",
        ResourceKind.ApiPolicy => $"API policy {Name}",
        _ => $"operation policy {Api}/{Name}",
    };
}
