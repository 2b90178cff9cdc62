namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// Bounds on one render so that a hostile or runaway template fails clearly instead of hanging the harness or
/// exhausting memory. APIM documents no such limits; these are the emulator's own and generous for real bodies.
/// </summary>
public sealed record LiquidRenderLimits
{
    public static LiquidRenderLimits Default { get; } = new();

    /// <summary>Iterations of any single loop (DotLiquid's MaxIterations; nested loops each get this many).</summary>
    public int MaxLoopIterations { get; init; } = 10_000;

    /// <summary>Wall-clock time of the whole render (DotLiquid's render timeout).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Characters of output, and of any string a filter or capture builds along the way.</summary>
    public int MaxOutputLength { get; init; } = 4 * 1024 * 1024;
}
