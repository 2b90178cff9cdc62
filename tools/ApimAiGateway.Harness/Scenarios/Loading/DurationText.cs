using System.Globalization;
using System.Text.RegularExpressions;

namespace ApimAiGateway.Harness.Scenarios.Loading;

/// <summary>Durations as scenario files write them: a number and a unit (<c>500ms</c>, <c>30s</c>, <c>2m</c>, <c>1h</c>, <c>1d</c>).</summary>
internal static partial class DurationText
{
    public static TimeSpan? Parse(string text)
    {
        var match = Duration().Match(text);
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        var milliseconds = amount * match.Groups[2].Value switch
        {
            "ms" => 1,
            "s" => 1_000,
            "m" => 60_000,
            "h" => 3_600_000,
            _ => 86_400_000,
        };
        return milliseconds <= TimeSpan.FromDays(36_500).TotalMilliseconds ? TimeSpan.FromMilliseconds(milliseconds) : null;
    }

    [GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s|m|h|d)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Duration();
}
