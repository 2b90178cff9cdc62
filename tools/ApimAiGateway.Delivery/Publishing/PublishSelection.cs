using ApimAiGateway.Delivery.Arm;
using ApimAiGateway.Delivery.Resources;

namespace ApimAiGateway.Delivery.Publishing;

/// <summary>
/// The resources of <c>--only PATH...</c>: those whose file is named (a fragment, a policy; the named-values or
/// backends file selects every entry in it), in plan order and nothing else.
/// </summary>
public static class PublishSelection
{
    public static (IReadOnlyList<PlannedResource> Resources, IReadOnlyList<string> Problems) Select(
        IReadOnlyList<PlannedResource> plan, IReadOnlyList<string> only, string repositoryRoot)
    {
        if (only.Count == 0)
        {
            return (plan, []);
        }

        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var path in only)
        {
            var full = path.IndexOfAny(Path.GetInvalidPathChars()) < 0 ? Path.GetFullPath(Path.Combine(repositoryRoot, path)) : null;
            if (full is not null && plan.Any(r => SameFile(r.File, full)))
            {
                wanted.Add(full);
            }
            else
            {
                problems.Add($"--only {LogText.Of(path, 200)}: not a policy, fragment, named-values or backends file of the repository at {repositoryRoot}");
            }
        }

        return ([.. plan.Where(r => wanted.Any(w => SameFile(r.File, w)))], problems);
    }

    private static bool SameFile(string file, string fullPath) => string.Equals(Path.GetFullPath(file), fullPath, StringComparison.Ordinal);
}
