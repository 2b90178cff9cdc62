using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Harness.Gateway.Loading;

/// <summary>Reads policies/products/&lt;product&gt;.json: the APIs a product contains (every API when absent).</summary>
internal static class ProductFileReader
{
    private static readonly string[] ProductKeys = ["apis", "subscriptionRequired"];

    public static ProductDefinition? Read(string id, YamlNode root, YamlReader reader)
    {
        if (reader.Map(root, $"product file of '{id}'", ProductKeys) is not { } map)
        {
            return null;
        }

        var product = new ProductDefinition(id, map.TryGetValue("apis", out var apis) ? reader.Texts(apis, "'apis'") ?? [] : []);
        return map.TryGetValue("subscriptionRequired", out var required) && reader.Boolean(required, "'subscriptionRequired'") is { } isRequired
            ? product with { SubscriptionRequired = isRequired }
            : product;
    }
}
