namespace ApimAiGateway.Delivery.Xml;

/// <summary>
/// The lines that differ between two normalised documents, "-" for the live side and "+" for the repository side,
/// cut to a few lines: enough for a reviewer to see what a deployment changes without the whole file.
/// </summary>
public static class CompactDiff
{
    private const int MaxCells = 4_000_000;

    public static IReadOnlyList<string> Lines(string before, string after, int maxLines = 12)
    {
        var a = before.Length == 0 ? [] : before.Split('\n');
        var b = after.Length == 0 ? [] : after.Split('\n');
        var changes = (long)a.Length * b.Length > MaxCells ? Whole(a, b) : Edits(a, b);
        return changes.Count <= maxLines ? changes : [.. changes.Take(maxLines), $"  ... {changes.Count - maxLines} more changed line(s)"];
    }

    /// <summary>
    /// Two policy documents compared after <see cref="PolicyXmlNormalizer"/>. publish (update or unchanged) and diff
    /// (differs or in sync) both judge through here, so the one never calls a document changed that the other does not.
    /// </summary>
    public static IReadOnlyList<string> OfPolicies(string live, string repository) =>
        Lines(PolicyXmlNormalizer.Normalize(live), PolicyXmlNormalizer.Normalize(repository));

    /// <summary>A longest-common-subsequence walk; documents are policy-sized, so the table stays small.</summary>
    private static List<string> Edits(string[] a, string[] b)
    {
        var common = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var lines = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] > common[x + 1, y]))
            {
                lines.Add("+ " + b[y++]);
            }
            else
            {
                lines.Add("- " + a[x++]);
            }
        }

        return lines;
    }

    private static List<string> Whole(string[] a, string[] b) => [.. a.Select(l => "- " + l), .. b.Select(l => "+ " + l)];
}
