namespace ApimAiGateway.Delivery.Tests;

/// <summary>A repository in the documented layout, written to a temporary directory for one test.</summary>
public sealed class TestRepository : IDisposable
{
    public const string CleanGlobal = "<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>";

    public TestRepository() => Directory.CreateDirectory(Path.Combine(Root, "policies"));

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "apim-delivery-" + Guid.NewGuid().ToString("N"));

    public static string Including(string fragmentId) =>
        $"<policies><inbound><include-fragment fragment-id=\"{fragmentId}\" /></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>";

    public static string Fragment(string header) =>
        $"<!--\nid: x\nsummary: Sets {header}.\n-->\n<fragment>\n  <set-header name=\"{header}\" exists-action=\"override\"><value>1</value></set-header>\n</fragment>";

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
