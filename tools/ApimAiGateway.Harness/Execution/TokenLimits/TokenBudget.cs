using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Execution.TokenLimits;

/// <summary>
/// One counter-key's token limits for one request: tokens per sliding minute on the gateway's token-rate store and
/// the token quota on its token-quota store. Both stores are shared by llm-token-limit and azure-openai-token-limit,
/// so a counter-key value is one budget across scopes and across the two policies.
/// </summary>
internal sealed class TokenBudget(string key, long? tokensPerMinute, TokenQuota? quota, TokenLimitReporting reporting)
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Refuses the request when <paramref name="amount"/> does not fit: 429 for the minute, 403 for the quota. An
    /// amount of 0 (no estimate) is refused only once the window is spent, which is how reported usage that ran
    /// over blocks the requests that follow. Counts nothing.
    /// </summary>
    public void EnsureRoom(PolicyExecutionContext context, string policy, long amount)
    {
        var stores = context.Services.Stores;
        if (tokensPerMinute is { } limit && !Admission.Admits(stores.TokenRates.Peek(key, Minute), amount, limit))
        {
            throw reporting.RateExceeded(context, policy, stores.TokenRates.TryAcquire(key, amount, limit, Minute).RetryAfter);
        }

        if (quota is not null && !Admission.Admits(stores.TokenQuotas.Peek(key, quota.Period), amount, quota.Limit))
        {
            var now = context.Clock.GetUtcNow();
            throw reporting.QuotaExceeded(context, policy, (quota.Period.WindowAt(now).End ?? now) - now);
        }
    }

    /// <summary>Counts <paramref name="amount"/> whatever the limits (usage is a fact once the answer is in).</summary>
    public TokenBalance Count(PolicyExecutionContext context, long amount)
    {
        var stores = context.Services.Stores;
        return new TokenBalance(
            tokensPerMinute is { } limit ? limit - stores.TokenRates.Add(key, amount, Minute) : null,
            quota is not null ? quota.Limit - stores.TokenQuotas.Add(key, amount, quota.Period) : null);
    }
}
