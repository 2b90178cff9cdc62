using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// A cache held in memory. Entries are immutable and replaced whole, so lookups take no lock and allocate nothing.
/// Expired entries are removed when read and by a periodic sweep on the clock, so keys written once and never read
/// again do not accumulate.
/// </summary>
public sealed class InMemoryCacheStore(TimeProvider clock, StoreOptions? options = null) : ICacheStore
{
    private readonly ConcurrentDictionary<string, CacheEntry> _entries = new(StringComparer.Ordinal);
    private readonly SweepSchedule _sweep = new((options ?? StoreOptions.Default).SweepInterval);
    private long _hits;
    private long _misses;

    public long Hits => Interlocked.Read(ref _hits);

    public long Misses => Interlocked.Read(ref _misses);

    public IReadOnlyDictionary<string, CacheEntry> Entries
    {
        get
        {
            var now = clock.GetUtcNow();
            return _entries.Where(pair => pair.Value.ExpiresAt > now)
                .ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        }
    }

    public bool TryGet(string key, [MaybeNullWhen(false)] out object value)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresAt > clock.GetUtcNow())
            {
                Interlocked.Increment(ref _hits);
                value = entry.Value;
                return true;
            }

            // Only this expired entry goes: a fresh one stored concurrently under the key stays.
            _entries.TryRemove(new KeyValuePair<string, CacheEntry>(key, entry));
        }

        Interlocked.Increment(ref _misses);
        value = null;
        return false;
    }

    public void Set(string key, object value, TimeSpan duration)
    {
        var now = clock.GetUtcNow();
        SweepIfDue(now);
        if (duration <= TimeSpan.Zero)
        {
            _entries.TryRemove(key, out _);
            return;
        }

        var expiresAt = duration >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + duration;
        _entries[key] = new CacheEntry(value, expiresAt);
    }

    public bool Remove(string key) =>
        _entries.TryRemove(key, out var entry) && entry.ExpiresAt > clock.GetUtcNow();

    private void SweepIfDue(DateTimeOffset now)
    {
        if (!_sweep.TryClaim(now.UtcTicks))
        {
            return;
        }

        foreach (var pair in _entries)
        {
            if (pair.Value.ExpiresAt <= now)
            {
                _entries.TryRemove(pair);
            }
        }
    }
}
