using Microsoft.CodeAnalysis;

namespace ApimAiGateway.Harness.Compilation;

/// <summary>
/// The assemblies expressions compile against: the whole framework (so that a disallowed type such as HttpClient is
/// reported by the allowed-types rule in APIM's words rather than as an unknown name), Newtonsoft.Json, and the
/// assembly holding the expression API. Built once per process: creating references is the costly part.
/// </summary>
internal static class MetadataReferences
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> Framework = new(LoadFramework);

    public static IReadOnlyList<MetadataReference> For(Type contextType)
    {
        var extra = new[] { typeof(Newtonsoft.Json.JsonConvert).Assembly, contextType.Assembly }
            .Distinct()
            .Where(a => !string.IsNullOrEmpty(a.Location))
            .Select(a => (MetadataReference)MetadataReference.CreateFromFile(a.Location));
        return [.. Framework.Value, .. extra];
    }

    private static IReadOnlyList<MetadataReference> LoadFramework()
    {
        var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
        return trusted
            .Where(path => Path.GetDirectoryName(path) == frameworkDirectory)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    }
}
