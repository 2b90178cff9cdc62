using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.NamedValues;

/// <summary>
/// Where a repository keeps its environments: policies/environments/&lt;name&gt;.json, one file per environment, each
/// laid over policies/named-values.json (<see cref="NamedValueLayering"/>). The Pulumi program reads the file of the
/// same name as its stack.
/// </summary>
public static class NamedValueEnvironments
{
    public const string DirectoryName = "environments";
    public const string CatalogFileName = "named-values.json";
    private const string FileExtension = ".json";

    public static string DirectoryOf(string repositoryRoot) =>
        Path.Combine(repositoryRoot, PolicyLayout.PoliciesDirectory, DirectoryName);

    public static string CatalogOf(string repositoryRoot) =>
        Path.Combine(repositoryRoot, PolicyLayout.PoliciesDirectory, CatalogFileName);

    /// <summary>The repository's catalog, or null when it has none: a repository need not declare named values.</summary>
    public static string? ExistingCatalogOf(string repositoryRoot) =>
        CatalogOf(repositoryRoot) is var catalog && File.Exists(catalog) ? catalog : null;

    /// <summary>The environments the repository defines, sorted; none when it has no environments directory.</summary>
    public static IReadOnlyList<string> Names(string repositoryRoot)
    {
        var directory = DirectoryOf(repositoryRoot);
        return Directory.Exists(directory)
            ? [.. Directory.EnumerateFiles(directory, "*" + FileExtension).Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>
    /// The file of a defined environment, or null when <paramref name="environment"/> is not one of <see cref="Names"/>.
    /// Only listed names resolve, so a name such as "../x" can never reach a file outside the directory.
    /// </summary>
    public static string? FileOf(string repositoryRoot, string environment) =>
        Names(repositoryRoot).Contains(environment, StringComparer.Ordinal)
            ? Path.Combine(DirectoryOf(repositoryRoot), environment + FileExtension)
            : null;

    /// <summary>The message for a name that is not an environment, listing the ones that are.</summary>
    public static string DescribeDefined(string repositoryRoot) =>
        Names(repositoryRoot) is { Count: > 0 } names ? string.Join(", ", names) : $"(none: {DirectoryOf(repositoryRoot)} holds no *.json)";
}
