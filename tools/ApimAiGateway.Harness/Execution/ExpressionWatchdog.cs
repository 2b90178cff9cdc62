using System.Diagnostics;
using ApimAiGateway.Harness.Context;

namespace ApimAiGateway.Harness.Execution;

/// <summary>
/// Stops runaway expressions. .NET cannot abort a thread, so the compiler for executable expressions plants a call
/// to <see cref="Tick"/> in every loop body and at every label; it throws once the running expression is past its
/// deadline, and the failure flows to on-error like any expression error.
/// </summary>
public static class ExpressionWatchdog
{
    [ThreadStatic]
    private static long _deadline;

    public static object? Run(Func<IExpressionContext, object?> expression, IExpressionContext context, TimeSpan limit)
    {
        var outer = _deadline;
        _deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
        try
        {
            return expression(context);
        }
        finally
        {
            _deadline = outer;
        }
    }

    /// <summary>Called from instrumented expression code; cheap enough for every loop iteration.</summary>
    public static void Tick()
    {
        if (_deadline != 0 && Stopwatch.GetTimestamp() > _deadline)
        {
            throw new TimeoutException("The expression ran past its time limit and was stopped (an endless loop?).");
        }
    }
}
