using System.Diagnostics.CodeAnalysis;

namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// One APIM cache (the built-in one or an external Redis-compatible one), holding values by key until they expire
/// on the store's clock. Writes are visible at once, where APIM documents its store as asynchronous
/// (apim-reference §4.30): deterministic tests need the value readable by the next request.
/// The inspection members exist for tests and traces: what is cached, and how lookups went.
/// </summary>
public interface ICacheStore
{
    /// <summary>Looks a key up; an expired entry is a miss. Counts a hit or a miss.</summary>
    bool TryGet(string key, [MaybeNullWhen(false)] out object value);

    /// <summary>
    /// Stores <paramref name="value"/> under <paramref name="key"/> for <paramref name="duration"/>, replacing any
    /// earlier entry. A duration of zero or less leaves nothing readable: the key is removed.
    /// </summary>
    void Set(string key, object value, TimeSpan duration);

    /// <summary>Removes the key; true when an unexpired entry was removed.</summary>
    bool Remove(string key);

    /// <summary>A snapshot of the unexpired entries by key.</summary>
    IReadOnlyDictionary<string, CacheEntry> Entries { get; }

    long Hits { get; }

    long Misses { get; }
}
