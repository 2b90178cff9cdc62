namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// The state one gateway instance keeps across requests: its caches and its counters, all on one clock. Counters are
/// shared by key across every scope and request of the gateway, as in APIM, and each kind of count has its own store
/// so a counter-key of one policy can never meet the same text used as a key by another kind of limit.
/// The per-subscription policies (rate-limit, quota) have no counter-key; the policy layer keys them by subscription
/// and policy definition (e.g. <c>subscriptionId + "|" + policyId</c>), since APIM counts them once per definition.
/// </summary>
public sealed class GatewayStores
{
    public GatewayStores(TimeProvider clock, bool externalCacheConfigured = false, StoreOptions? options = null)
    {
        Clock = clock;
        Caches = new CacheStores(
            new InMemoryCacheStore(clock, options),
            externalCacheConfigured ? new InMemoryCacheStore(clock, options) : null);
        CallRates = new InMemorySlidingWindowCounter(clock, options);
        TokenRates = new InMemorySlidingWindowCounter(clock, options);
        CallQuotas = new InMemoryFixedWindowCounter(clock, options);
        BandwidthQuotas = new InMemoryFixedWindowCounter(clock, options);
        TokenQuotas = new InMemoryFixedWindowCounter(clock, options);
    }

    public TimeProvider Clock { get; }

    public CacheStores Caches { get; }

    /// <summary>Calls counted by rate-limit and rate-limit-by-key.</summary>
    public ISlidingWindowCounter CallRates { get; }

    /// <summary>Tokens per minute counted by llm-token-limit and azure-openai-token-limit, which share counters.</summary>
    public ISlidingWindowCounter TokenRates { get; }

    /// <summary>Calls counted by quota and quota-by-key.</summary>
    public IFixedWindowCounter CallQuotas { get; }

    /// <summary>Kilobytes counted by the bandwidth limits of quota and quota-by-key.</summary>
    public IFixedWindowCounter BandwidthQuotas { get; }

    /// <summary>Tokens counted by the token-quota of llm-token-limit and azure-openai-token-limit.</summary>
    public IFixedWindowCounter TokenQuotas { get; }
}
