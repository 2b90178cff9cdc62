using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ApimAiGateway.Harness.Services;

/// <summary>
/// An immutable, case-insensitive (RFC 9110 §5.1), multi-value header map. Messages are snapshots: a recorded call
/// keeps the headers it was sent with however the gateway's live message changes afterwards.
/// </summary>
public sealed class ServiceHeaders : IReadOnlyDictionary<string, IReadOnlyList<string>>
{
    private readonly Dictionary<string, string[]> _items;

    private ServiceHeaders(Dictionary<string, string[]> items) => _items = items;

    public static ServiceHeaders Empty { get; } = new(new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase));

    public int Count => _items.Count;

    public IEnumerable<string> Keys => _items.Keys;

    public IEnumerable<IReadOnlyList<string>> Values => _items.Values;

    public IReadOnlyList<string> this[string key] => _items[key];

    /// <summary>Copies the given headers; a name given twice keeps the values of its last occurrence.</summary>
    public static ServiceHeaders From(IEnumerable<KeyValuePair<string, string[]>> headers)
    {
        var items = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            items[name] = [.. values];
        }

        return new ServiceHeaders(items);
    }

    /// <summary>A copy with <paramref name="name"/> set to exactly <paramref name="values"/>.</summary>
    public ServiceHeaders With(string name, params string[] values)
    {
        var items = new Dictionary<string, string[]>(_items, StringComparer.OrdinalIgnoreCase) { [name] = [.. values] };
        return new ServiceHeaders(items);
    }

    /// <summary>All values joined with a comma, as the gateway's own header lookup does; null when absent.</summary>
    public string? GetValueOrDefault(string name) =>
        _items.TryGetValue(name, out var values) ? string.Join(',', values) : null;

    public bool ContainsKey(string key) => _items.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out IReadOnlyList<string> value)
    {
        var found = _items.TryGetValue(key, out var values);
        value = values;
        return found;
    }

    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator() =>
        _items.Select(item => new KeyValuePair<string, IReadOnlyList<string>>(item.Key, item.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
