using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Harness.Gateway.Loading;

/// <summary>Reads a per-API file, policies/apis/&lt;api&gt;/api.json|yaml (docs/apis-file.md), filling APIM's defaults.</summary>
internal static class ApiFileReader
{
    private static readonly string[] ApiKeys = ["path", "serviceUrl", "subscriptionRequired", "subscriptionKeyParameterNames", "operations"];
    private static readonly string[] KeyNameKeys = ["header", "query"];
    private static readonly string[] OperationKeys = ["id", "method", "urlTemplate"];

    /// <summary>The API a repository folder stands for when it has no API file.</summary>
    public static ApiDefinition Default(string id) => new(id, id, DefaultServiceUrl(id), []);

    public static ApiDefinition? Read(string id, YamlNode root, YamlReader reader)
    {
        if (reader.Map(root, $"API file of '{id}'", ApiKeys) is not { } map)
        {
            return null;
        }

        var api = Default(id);
        if (map.TryGetValue("path", out var path) && path is YamlScalarNode { Value: { } text })
        {
            api = api with { Path = text.Trim('/') };
        }
        else if (path is not null)
        {
            reader.Report(Diagnostics.ScenarioDiagnostics.WrongShape, path, "'path'", "a string (empty for the gateway's root)");
        }

        if (map.TryGetValue("serviceUrl", out var serviceUrl) && reader.Url(serviceUrl, "'serviceUrl'") is { } url)
        {
            api = api with { ServiceUrl = url };
        }

        if (map.TryGetValue("subscriptionRequired", out var required) && reader.Boolean(required, "'subscriptionRequired'") is { } isRequired)
        {
            api = api with { SubscriptionRequired = isRequired };
        }

        if (map.TryGetValue("subscriptionKeyParameterNames", out var names) && reader.Map(names, "'subscriptionKeyParameterNames'", KeyNameKeys) is { } keyNames)
        {
            api = api with
            {
                SubscriptionKeyHeader = reader.Text(keyNames, "header", "'header'") ?? api.SubscriptionKeyHeader,
                SubscriptionKeyQuery = reader.Text(keyNames, "query", "'query'") ?? api.SubscriptionKeyQuery,
            };
        }

        return map.TryGetValue("operations", out var operations) ? api with { Operations = ReadOperations(operations, reader) } : api;
    }

    private static Uri DefaultServiceUrl(string id) => new($"https://{id.ToLowerInvariant()}.backend.invalid");

    private static List<OperationDefinition> ReadOperations(YamlNode node, YamlReader reader)
    {
        var operations = new List<OperationDefinition>();
        foreach (var item in reader.List(node, "'operations'") ?? [])
        {
            if (reader.Map(item, "an operation", OperationKeys, "id", "method", "urlTemplate") is not { } map
                || reader.Text(map, "id", "'id'") is not { } id
                || reader.Text(map, "method", "'method'") is not { } method
                || reader.Text(map, "urlTemplate", "'urlTemplate'") is not { } template)
            {
                continue;
            }

            if (operations.Exists(o => o.Id == id))
            {
                reader.Report(Diagnostics.ScenarioDiagnostics.DuplicateName, map["id"], "Operation", id);
                continue;
            }

            operations.Add(new OperationDefinition(id, method.ToUpperInvariant(), template.StartsWith('/') ? template : "/" + template));
        }

        return operations;
    }
}
