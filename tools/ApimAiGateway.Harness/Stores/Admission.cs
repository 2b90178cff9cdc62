namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// The one admission rule every counter shares. A request of <c>amount</c> is admitted while the counter is below
/// its limit and the amount still fits. Requiring room even for an amount of zero is what lets token limits without
/// prompt estimation block every request once reported usage has reached the limit (apim-reference §4.31), while
/// for call counting (amount 1) the rule is simply <c>used + 1 &lt;= limit</c>.
/// </summary>
internal static class Admission
{
    public static bool Admits(long used, long amount, long limit) => used < limit && amount <= limit - used;

    /// <summary>Whether the request could be admitted at all, on an empty counter.</summary>
    public static bool IsSatisfiable(long amount, long limit) => Admits(0, amount, limit);
}
