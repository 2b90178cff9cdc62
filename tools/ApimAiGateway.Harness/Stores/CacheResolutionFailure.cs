namespace ApimAiGateway.Harness.Stores;

/// <summary>Why no cache could be chosen for a caching policy.</summary>
public enum CacheResolutionFailure
{
    None,

    /// <summary><c>caching-type="external"</c> on a gateway without an external cache.</summary>
    ExternalCacheNotConfigured,

    /// <summary>A <c>caching-type</c> other than internal, external or prefer-external.</summary>
    UnknownCachingType,
}
