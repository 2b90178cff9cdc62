using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.Gateway.Loading;

/// <summary>Finds the repository a file or directory belongs to: the nearest directory at or above it holding policies/.</summary>
public static class RepositoryRoot
{
    public static string? Find(string start)
    {
        var full = Path.GetFullPath(start);
        for (var directory = Directory.Exists(full) ? new DirectoryInfo(full) : new FileInfo(full).Directory; directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, PolicyLayout.PoliciesDirectory)))
            {
                return directory.FullName;
            }
        }

        return null;
    }
}
