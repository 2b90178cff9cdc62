using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>
/// Read-only dictionary surface over a name-keyed store, shared by the headers/query, matched-parameter and
/// variable models; derived types add the lookup helpers and the mutators policies use.
/// </summary>
public abstract class NameKeyedDictionary<TValue>(IEqualityComparer<string> nameComparer)
    : IReadOnlyDictionary<string, TValue>
{
    private protected Dictionary<string, TValue> Items { get; } = new(nameComparer);

    public TValue this[string key] => Items[key];

    public IEnumerable<string> Keys => Items.Keys;

    public IEnumerable<TValue> Values => Items.Values;

    public int Count => Items.Count;

    public bool ContainsKey(string key) => Items.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value) => Items.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => Items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
