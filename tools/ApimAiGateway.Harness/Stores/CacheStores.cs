namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// A gateway's built-in cache and, when one is configured, its external cache, and the choice between them that
/// <c>caching-type</c> makes. prefer-external takes the external cache when configured and the built-in one
/// otherwise (cache-lookup-value / cache-store-value pages, attribute table).
/// <para>
/// What APIM does for <c>caching-type="external"</c> without an external cache is not documented: the policy pages
/// and "Use an external Redis-compatible cache in Azure API Management" are silent. <see cref="Resolve(CachingType)"/>
/// therefore reports <see cref="CacheResolutionFailure.ExternalCacheNotConfigured"/> rather than choosing for the
/// caller. The nearest documented behaviour is the caching pages' volatility note (include
/// api-management-cache-volatile, revised in MicrosoftDocs/azure-docs commit b3bbbaa): a cache operation that cannot
/// reach its cache raises no error and completes, a read yielding null. The policy layer can follow that (lookup
/// misses, store does nothing) and add a trace. Microsoft's policy toolkit emulator likewise yields no cache then.
/// </para>
/// </summary>
public sealed class CacheStores(ICacheStore @internal, ICacheStore? external = null)
{
    public ICacheStore Internal { get; } = @internal;

    /// <summary>The external cache; null when the gateway has none configured.</summary>
    public ICacheStore? External { get; } = external;

    public CacheResolution Resolve(CachingType cachingType) => cachingType switch
    {
        CachingType.Internal => CacheResolution.Of(Internal),
        CachingType.External => External is { } external
            ? CacheResolution.Of(external)
            : CacheResolution.Failed(CacheResolutionFailure.ExternalCacheNotConfigured),
        CachingType.PreferExternal => CacheResolution.Of(External ?? Internal),
        _ => CacheResolution.Failed(CacheResolutionFailure.UnknownCachingType),
    };

    /// <summary>Resolves the attribute's text; a missing attribute means APIM's default, prefer-external.</summary>
    public CacheResolution Resolve(string? cachingType) => cachingType switch
    {
        null or "prefer-external" => Resolve(CachingType.PreferExternal),
        "internal" => Resolve(CachingType.Internal),
        "external" => Resolve(CachingType.External),
        _ => CacheResolution.Failed(CacheResolutionFailure.UnknownCachingType),
    };
}
