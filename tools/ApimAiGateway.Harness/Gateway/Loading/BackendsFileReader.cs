using ApimAiGateway.Harness.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Harness.Gateway.Loading;

/// <summary>
/// Reads policies/backends.json, the ARM-shaped backend list the Pulumi program deploys, for the URLs of single
/// backends. Only the keys the harness uses are read inside <c>properties</c>; the Pulumi program checks the rest.
/// </summary>
internal static partial class BackendsFileReader
{
    private static readonly string[] RootKeys = ["backends"];
    private static readonly string[] BackendKeys = ["name", "properties"];

    public static IReadOnlyList<KeyValuePair<string, Uri>> Read(YamlNode root, YamlReader reader)
    {
        var backends = new List<KeyValuePair<string, Uri>>();
        if (reader.Map(root, "the backends file", RootKeys, "backends") is not { } map)
        {
            return backends;
        }

        foreach (var item in reader.List(map["backends"], "'backends'") ?? [])
        {
            if (reader.Map(item, "a backend", BackendKeys, "name", "properties") is not { } backend
                || reader.Text(backend, "name", "'name'") is not { } name
                || backend["properties"] is not YamlMappingNode properties)
            {
                continue;
            }

            if (backends.Exists(b => string.Equals(b.Key, name, StringComparison.OrdinalIgnoreCase)))
            {
                reader.Report(ScenarioDiagnostics.DuplicateName, backend["name"], "Backend", name);
                continue;
            }

            // A pool has no url of its own; pools are left to the policy that balances them.
            if (Property(properties, "url") is not { } urlNode)
            {
                continue;
            }

            var url = AccountHost().Replace((urlNode as YamlScalarNode)?.Value ?? string.Empty, match => "aoai-" + match.Groups[1].Value);
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                backends.Add(KeyValuePair.Create(name, uri));
            }
            else
            {
                reader.Report(ScenarioDiagnostics.UnusableBackend, urlNode, name, $"at '{url}', which is not an absolute http(s) URL");
            }
        }

        return backends;
    }

    private static YamlNode? Property(YamlMappingNode properties, string key) =>
        properties.Children.FirstOrDefault(e => (e.Key as YamlScalarNode)?.Value == key).Value;

    /// <summary>${account:&lt;region&gt;} is the Azure OpenAI account of a region (infra/README.md); the harness names it aoai-&lt;region&gt;.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\$\{account:([a-z0-9-]+)\}")]
    private static partial System.Text.RegularExpressions.Regex AccountHost();
}
