using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.Analysis;

/// <summary>Turns the paths a user names into the policy files to read, in a stable order.</summary>
internal static class PolicyFileDiscovery
{
    public static IReadOnlyList<string> Discover(IReadOnlyList<string> paths, DiagnosticBag diagnostics)
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
                var found = Directory.EnumerateFiles(path, "*" + PolicyLayout.PolicyFileExtension, SearchOption.AllDirectories)
                    .Where(f => !IsIgnored(f))
                    .ToList();
                if (found.Count == 0)
                {
                    diagnostics.Add(InputDiagnostics.NoPolicyFiles, SourceLocation.StartOf(path), path);
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

    /// <summary>Fragment files from the named directories and from a <c>fragments</c> directory beside <c>policies</c>.</summary>
    public static IEnumerable<string> FragmentFiles(LintRequest request, IReadOnlyList<string> alreadyRead)
    {
        var directories = new HashSet<string>(request.FragmentDirectories.Select(Path.GetFullPath), StringComparer.Ordinal);
        foreach (var path in request.Paths)
        {
            for (var directory = new DirectoryInfo(Path.GetFullPath(path)); directory is not null; directory = directory.Parent)
            {
                if (directory.Name == PolicyLayout.PoliciesDirectory && directory.Parent is { } repository)
                {
                    directories.Add(Path.Combine(repository.FullName, PolicyLayout.FragmentsDirectory));
                    break;
                }
            }
        }

        var read = new HashSet<string>(alreadyRead.Select(Path.GetFullPath), StringComparer.Ordinal);
        return directories
            .Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*" + PolicyLayout.PolicyFileExtension, SearchOption.TopDirectoryOnly))
            .Where(f => !read.Contains(Path.GetFullPath(f)))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>Build output and package folders are never policy sources.</summary>
    private static bool IsIgnored(string file)
    {
        var parts = file.Split(Path.DirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj" or "node_modules" or ".git");
    }
}
