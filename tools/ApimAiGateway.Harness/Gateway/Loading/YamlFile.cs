using ApimAiGateway.Harness.Diagnostics;
using YamlDotNet.RepresentationModel;
using ApimAiGateway.Harness.Yaml;

namespace ApimAiGateway.Harness.Gateway.Loading;

/// <summary>
/// Reads a YAML or JSON file into a node tree. JSON goes through the YAML parser (YAML 1.2 is a superset of JSON),
/// so both formats report problems at the same line and column. Never throws.
/// </summary>
internal static class YamlFile
{
    private const long MaxFileLength = 16 * 1024 * 1024;

    /// <summary>The root node, or null with a located diagnostic when the file is unreadable, binary or malformed.</summary>
    public static YamlNode? Load(string path, DiagnosticBag diagnostics)
    {
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxFileLength)
            {
                diagnostics.Add(ScenarioDiagnostics.FileUnreadable, SourceLocation.StartOf(path), $"the file is {length} bytes; the limit is {MaxFileLength}");
                return null;
            }

            return Parse(File.ReadAllText(path), path, diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(ScenarioDiagnostics.FileUnreadable, SourceLocation.StartOf(path), e.Message);
            return null;
        }
    }

    public static YamlNode? Parse(string text, string file, DiagnosticBag diagnostics)
    {
        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            diagnostics.Add(ScenarioDiagnostics.FileUnreadable, SourceLocation.StartOf(file), "the file contains a NUL character; it must be text");
            return null;
        }

        if (YamlText.Load(text, out var problem) is not { } stream)
        {
            diagnostics.Add(ScenarioDiagnostics.MalformedFile, YamlText.Locate(file, problem!.Start), problem.Message);
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(ScenarioDiagnostics.WrongShape, SourceLocation.StartOf(file), "The file", "a map, not empty");
            return null;
        }

        return stream.Documents[0].RootNode;
    }
}
