using System.Text.RegularExpressions;

namespace ApimAiGateway.Delivery.Arm;

/// <summary>
/// Which resource ids are sent in a request path or written as a file name. ARM ids of fragments, products, APIs,
/// operations, named values and backends are letters, digits, '-', '_' and '.'; anything else (a path separator,
/// "..", an API revision's ";rev=") is refused so it can neither reach another URL nor a file outside the target.
/// </summary>
public static partial class ArmName
{
    public static bool IsSafe(string? id) => id is { Length: > 0 and <= 256 } && SafeName().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]*$")]
    private static partial Regex SafeName();
}
