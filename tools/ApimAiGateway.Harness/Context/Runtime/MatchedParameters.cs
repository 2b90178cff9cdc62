namespace ApimAiGateway.Harness.Context.Runtime;

/// <summary>
/// URL template parameter values of the matched operation. Names compare case-insensitively, as route values do
/// in ASP.NET; APIM's own rule is undocumented.
/// </summary>
public sealed class MatchedParameters : NameKeyedDictionary<string>, IMatchedParameters
{
    public MatchedParameters(IEnumerable<KeyValuePair<string, string>> values)
        : base(StringComparer.OrdinalIgnoreCase)
    {
        foreach (var (name, value) in values)
        {
            Items[name] = value;
        }
    }

    public static MatchedParameters None { get; } = new([]);

    public string? GetValueOrDefault(string name) => Items.TryGetValue(name, out var value) ? value : null;

    public string GetValueOrDefault(string name, string defaultValue) => GetValueOrDefault(name) ?? defaultValue;
}
