using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway.Loading;

namespace ApimAiGateway.Harness.Scenarios.Loading;

/// <summary>Loads scenario files (docs/scenarios.md). Never throws: problems come back as located diagnostics.</summary>
public static class ScenarioFileLoader
{
    public static ScenarioFile Load(string path) => Read(path, text: null);

    /// <param name="file">The name diagnostics report the text under; relative paths in it are resolved from its directory.</param>
    public static ScenarioFile Parse(string text, string file) => Read(file, text);

    /// <summary>Scenario files under the given files and directories (*.yaml, *.yml), in a stable order.</summary>
    public static IReadOnlyList<string> Discover(IEnumerable<string> paths, DiagnosticBag diagnostics)
    {
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                    .ToList();
                if (found.Count == 0)
                {
                    diagnostics.Add(ScenarioDiagnostics.NoScenarioFiles, SourceLocation.StartOf(path), path);
                }

                files.UnionWith(found);
            }
            else
            {
                diagnostics.Add(InputDiagnostics.PathNotFound, SourceLocation.StartOf(path), path);
            }
        }

        return [.. files];
    }

    private static ScenarioFile Read(string file, string? text)
    {
        var diagnostics = new DiagnosticBag();
        var root = text is null ? YamlFile.Load(file, diagnostics) : YamlFile.Parse(text, file, diagnostics);
        return root is null
            ? new ScenarioFile(file, [], diagnostics.Items)
            : new ScenarioFileReader(new YamlReader(file, diagnostics)).Read(root);
    }
}
