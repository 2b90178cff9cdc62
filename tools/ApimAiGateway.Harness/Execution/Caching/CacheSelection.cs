using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Execution.Caching;

/// <summary>
/// The cache a caching policy's caching-type names. When there is none (external without an external cache
/// configured) the policy goes on as the cache pages' volatility note describes for an unreachable cache: no error,
/// a lookup misses and a store keeps nothing; the trace says why.
/// </summary>
internal static class CacheSelection
{
    public static ICacheStore? Resolve(PolicyExecutionContext context, string? cachingType)
    {
        var resolution = context.Services.Stores.Caches.Resolve(cachingType);
        if (resolution.Store is null)
        {
            context.Note(resolution.Failure == CacheResolutionFailure.ExternalCacheNotConfigured
                ? "caching-type is external but the gateway has no external cache: nothing is read or stored"
                : $"caching-type '{cachingType}' names no cache: nothing is read or stored");
        }

        return resolution.Store;
    }
}
