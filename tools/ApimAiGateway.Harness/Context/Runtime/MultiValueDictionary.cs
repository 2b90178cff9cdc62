namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>
/// Mutable name to values map behind headers, query parameters and JWT claims. Policies change it through
/// <see cref="Set"/>, <see cref="Append"/> and <see cref="Remove"/>; expressions only read it.
/// </summary>
public sealed class MultiValueDictionary(IEqualityComparer<string> nameComparer)
    : NameKeyedDictionary<string[]>(nameComparer), IMultiValueDictionary
{
    /// <summary>Header names are case-insensitive (RFC 9110 §5.1).</summary>
    public static MultiValueDictionary ForHeaders() => new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Query parameter names compare ordinally: URLs are case-sensitive outside scheme and host (RFC 3986 §6.2.2.1),
    /// and APIM's case handling of query names is undocumented.
    /// </summary>
    public static MultiValueDictionary ForQuery() => new(StringComparer.Ordinal);

    public void Set(string name, params string[] values) => Items[name] = values;

    public void Append(string name, string value) =>
        Items[name] = Items.TryGetValue(name, out var existing) ? [.. existing, value] : [value];

    public bool Remove(string name) => Items.Remove(name);

    /// <summary>A copy, so an original URL or a stored response stays put while the live one changes.</summary>
    public MultiValueDictionary Clone()
    {
        var copy = new MultiValueDictionary(Items.Comparer);
        foreach (var (name, values) in Items)
        {
            copy.Items[name] = [.. values];
        }

        return copy;
    }

    /// <summary>
    /// All values joined with a comma and no space, the separator "API Management policy expressions" documents
    /// for header GetValueOrDefault; null when the name is absent.
    /// </summary>
    public string? GetValueOrDefault(string name) =>
        Items.TryGetValue(name, out var values) ? string.Join(',', values) : null;

    public string GetValueOrDefault(string name, string defaultValue) => GetValueOrDefault(name) ?? defaultValue;

    public string[] GetValueOrDefault(string name, string[] defaultValue) => TryGetValue(name, out var values) ? values : defaultValue;
}
