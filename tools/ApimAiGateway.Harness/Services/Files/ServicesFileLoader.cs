using ApimAiGateway.Harness.Diagnostics;
using YamlDotNet.RepresentationModel;
using ApimAiGateway.Harness.Yaml;

namespace ApimAiGateway.Harness.Services.Files;

/// <summary>
/// Loads services files (docs/services-file.md). JSON is read by the YAML parser (YAML 1.2 is a superset of JSON),
/// so both formats get the same line/column reporting. Never throws: problems come back as diagnostics.
/// </summary>
public static class ServicesFileLoader
{
    private const long MaxFileLength = 16 * 1024 * 1024;

    public static ServicesFile Load(string path)
    {
        try
        {
            var length = new FileInfo(path).Length;
            return length > MaxFileLength
                ? Failed(ServiceDiagnostics.FileUnreadable.At(SourceLocation.StartOf(path), $"the file is {length} bytes; the limit is {MaxFileLength}"))
                : Parse(File.ReadAllText(path), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(ServiceDiagnostics.FileUnreadable.At(SourceLocation.StartOf(path), e.Message));
        }
    }

    /// <param name="file">The name diagnostics report the text under.</param>
    public static ServicesFile Parse(string text, string file)
    {
        if (YamlText.Load(text, out var problem) is not { } stream)
        {
            return Failed(ServiceDiagnostics.MalformedFile.At(YamlText.Locate(file, problem!.Start), problem.Message));
        }

        var reader = new ServicesFileReader(file);
        var services = stream.Documents.Count == 0 ? [] : reader.ReadRoot(stream.Documents[0].RootNode);
        return new ServicesFile(services, reader.Diagnostics);
    }

    private static ServicesFile Failed(Diagnostic diagnostic) => new([], [diagnostic]);
}
