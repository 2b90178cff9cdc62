namespace ApimAiGateway.Harness.Stores;

/// <summary>The cache a caching policy works against, or why there is none.</summary>
public readonly record struct CacheResolution(ICacheStore? Store, CacheResolutionFailure Failure)
{
    public static CacheResolution Of(ICacheStore store) => new(store, CacheResolutionFailure.None);

    public static CacheResolution Failed(CacheResolutionFailure failure) => new(null, failure);
}
