namespace ApimAiGateway.Delivery.Arm;

/// <summary>
/// How long to wait before attempt <c>n+1</c>: what Retry-After asks for when ARM sends it (throttling answers do,
/// learn.microsoft.com/azure/azure-resource-manager/management/request-limits-and-throttling), else an exponential
/// backoff; never more than the configured cap.
/// </summary>
internal static class RetryDelay
{
    public static TimeSpan Before(int nextAttempt, TimeSpan? retryAfter, ArmClientOptions options) =>
        Capped(retryAfter ?? options.InitialRetryDelay * Math.Pow(2, Math.Max(0, nextAttempt - 2)), options);

    /// <summary>A wait ARM asked for (or a poll interval), kept between zero and the configured cap.</summary>
    public static TimeSpan Capped(TimeSpan wait, ArmClientOptions options) =>
        wait > options.MaxRetryDelay ? options.MaxRetryDelay : wait < TimeSpan.Zero ? TimeSpan.Zero : wait;

    public static bool IsTransient(int status) => status is 408 or 429 or >= 500;
}
