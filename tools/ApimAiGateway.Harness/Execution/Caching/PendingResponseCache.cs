using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Execution.Caching;

/// <summary>
/// What cache-lookup hands to cache-store within one request after a miss: the cache and key to store the response
/// under, and the downstream caching to announce. Nothing is pending when the lookup did not apply (not a GET, a
/// private request, no cache), so cache-store then stores nothing. One per request, as a
/// <see cref="PolicyExecutionContext.Feature{T}"/>.
/// </summary>
internal sealed class PendingResponseCache
{
    public (ICacheStore Store, string Key, DownstreamCaching Downstream)? Miss { get; set; }
}
