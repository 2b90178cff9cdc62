using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Scenarios.Loading;

namespace ApimAiGateway.Harness.Scenarios.Requests;

/// <summary>
/// Loads the request file of <c>apim-policy run</c>: JSON (or YAML) with method, url, headers, body, subscription,
/// product, user and ip, as a scenario step's request. Never throws.
/// </summary>
public static class RequestFileLoader
{
    public static (RequestDefinition? Request, IReadOnlyList<Diagnostic> Diagnostics) Load(string path)
    {
        var diagnostics = new DiagnosticBag();
        var request = YamlFile.Load(path, diagnostics) is { } root
            ? new RequestReader(new YamlReader(path, diagnostics)).Read(root, "the request file", RequestReader.FileKeys)
            : null;
        return (diagnostics.HasErrors ? null : request, diagnostics.Items);
    }
}
