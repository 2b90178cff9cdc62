namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>
/// Finds the known name closest to a misspelt one ("did you mean"), using the Damerau-Levenshtein distance
/// (optimal string alignment) so that a swapped pair of letters counts as one edit.
/// </summary>
internal static class NameSuggester
{
    /// <summary>
    /// The closest candidate within a distance of a third of the unknown name's length (at least 1, at most 3),
    /// or <see langword="null"/> when none is that close. Case differences count as no edit, so a wrongly cased
    /// name is always matched to its correct spelling.
    /// </summary>
    public static string? Suggest(string unknown, IEnumerable<string> candidates)
    {
        if (string.IsNullOrEmpty(unknown))
        {
            return null;
        }

        var threshold = Math.Clamp(unknown.Length / 3, 1, 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate == unknown)
            {
                continue;
            }

            var distance = Distance(unknown.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= threshold && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
