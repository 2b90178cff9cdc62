using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>
/// One quota's counters for one request (quota, its nested limits, quota-by-key): calls on the gateway's call-quota
/// store, bandwidth in bytes on its bandwidth store, both in the fixed windows of <paramref name="period"/>.
/// Bandwidth is only known once the response is in, so it is checked up front and counted at the end.
/// </summary>
internal sealed class QuotaCounter(string policy, string key, QuotaLimit limit, QuotaPeriod period)
{
    public QuotaLimit Limit => limit;

    /// <summary>Refuses the request when the window's calls or bandwidth are used up; counts nothing.</summary>
    public void EnsureAvailable(PolicyExecutionContext context)
    {
        var stores = context.Services.Stores;
        if (limit.Calls is { } calls && stores.CallQuotas.Peek(key, period) >= calls)
        {
            throw QuotaExceeded.Calls(policy, ResetsIn(context));
        }

        if (limit.BandwidthBytes is { } bytes && stores.BandwidthQuotas.Peek(key, period) >= bytes)
        {
            throw QuotaExceeded.Bandwidth(policy, ResetsIn(context));
        }
    }

    /// <summary>Counts <paramref name="amount"/> calls if they fit, else refuses; returns the calls used in the window.</summary>
    public long? AcquireCalls(PolicyExecutionContext context, long amount)
    {
        if (limit.Calls is not { } calls)
        {
            return null;
        }

        var result = context.Services.Stores.CallQuotas.TryAcquire(key, amount, calls, period);
        return result.Allowed ? result.Used : throw QuotaExceeded.Calls(policy, result.ResetsIn);
    }

    /// <summary>Counts calls decided after the response (a deferred increment): they are counted whatever the limit.</summary>
    public void AddCalls(PolicyExecutionContext context, long amount)
    {
        if (limit.Calls is not null)
        {
            context.Services.Stores.CallQuotas.Add(key, amount, period);
        }
    }

    /// <summary>
    /// Counts the request's and the response's body bytes, once both are final; a stream still being relayed is
    /// counted when it ends, without holding it up.
    /// </summary>
    public void AddBandwidth(PolicyExecutionContext context)
    {
        if (limit.BandwidthBytes is null)
        {
            return;
        }

        var bandwidth = context.Services.Stores.BandwidthQuotas;
        var requestBytes = context.Request.Body?.Content.Length ?? 0;
        if (context.Response.Body?.Live is { } live)
        {
            live.WhenEnded(whole => bandwidth.Add(key, requestBytes + whole.Length, period));
            return;
        }

        bandwidth.Add(key, requestBytes + (context.Response.Body?.Content.Length ?? 0), period);
    }

    private TimeSpan? ResetsIn(PolicyExecutionContext context)
    {
        var now = context.Clock.GetUtcNow();
        return period.WindowAt(now).End - now;
    }
}
