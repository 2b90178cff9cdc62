namespace ApimAiGateway.Harness.Execution;

/// <summary>
/// Retry-After and the quota message speak in whole seconds. A wait is rounded up, so a client that waits as told
/// is never refused again for the same window.
/// </summary>
internal static class WholeSeconds
{
    public static int RoundUp(TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
        {
            return 0;
        }

        var seconds = (wait.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
        return (int)Math.Min(seconds, int.MaxValue);
    }
}
