using System.Text.Json;
using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reporting;

/// <summary>
/// SARIF 2.1.0, the format Azure DevOps and GitHub code scanning read to show findings on the changed lines. Paths
/// are written relative to a base directory under the SRCROOT base id, as both services expect for files in the repo.
/// </summary>
public sealed class SarifDiagnosticWriter(string? baseDirectory = null) : IDiagnosticWriter
{
    private const string BaseId = "SRCROOT";

    public void Write(TextWriter output, IReadOnlyList<Diagnostic> diagnostics)
    {
        var root = Path.GetFullPath(baseDirectory ?? Directory.GetCurrentDirectory());
        var rules = diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            WriteTool(json, rules);
            json.WriteStartObject("originalUriBaseIds");
            json.WriteStartObject(BaseId);
            json.WriteString("uri", new Uri(root.EndsWith(Path.DirectorySeparatorChar) ? root : root + Path.DirectorySeparatorChar).AbsoluteUri);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                WriteResult(json, diagnostic, rules.IndexOf(diagnostic.Code), root);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<string> rules)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "apim-policy");
        json.WriteString("informationUri", "https://learn.microsoft.com/azure/api-management/api-management-policies");
        json.WriteString("semanticVersion", typeof(SarifDiagnosticWriter).Assembly.GetName().Version?.ToString(3) ?? "1.0.0");
        json.WriteStartArray("rules");
        foreach (var code in rules)
        {
            var descriptor = DiagnosticCatalog.Find(code);
            json.WriteStartObject();
            json.WriteString("id", code);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", descriptor?.Title ?? $"C# compiler error {code}");
            json.WriteEndObject();
            if (descriptor is null && code.StartsWith("CS", StringComparison.Ordinal))
            {
                json.WriteString("helpUri", $"https://learn.microsoft.com/dotnet/csharp/misc/{code.ToLowerInvariant()}");
            }

            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", descriptor is { Severity: DiagnosticSeverity.Warning } ? "warning" : "error");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Diagnostic diagnostic, int ruleIndex, string root)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", diagnostic.Code);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", diagnostic.IsError ? "error" : "warning");
        json.WriteStartObject("message");
        json.WriteString("text", diagnostic.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", RelativeUri(diagnostic.Location.File, root));
        json.WriteString("uriBaseId", BaseId);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", Math.Max(1, diagnostic.Location.Line));
        json.WriteNumber("startColumn", Math.Max(1, diagnostic.Location.Column));
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static string RelativeUri(string file, string root)
    {
        var relative = Path.IsPathRooted(file) ? Path.GetRelativePath(root, file) : file;
        return string.Join('/', relative.Split(Path.DirectorySeparatorChar).Select(Uri.EscapeDataString));
    }
}
