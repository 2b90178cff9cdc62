using System.Diagnostics.CodeAnalysis;

namespace ApimAiGateway.Harness.NamedValues;

/// <summary>
/// The named values of one environment, looked up by name case-insensitively. The APIM docs do not state the case
/// rule for <c>{{name}}</c> references (unverified); case-insensitive matching follows ARM's resource-name rule and
/// errs towards accepting a policy that APIM accepts.
/// </summary>
public sealed class NamedValueSet
{
    private readonly Dictionary<string, NamedValue> _values;

    private NamedValueSet(Dictionary<string, NamedValue> values) => _values = values;

    public static NamedValueSet Empty { get; } = new(new Dictionary<string, NamedValue>(StringComparer.OrdinalIgnoreCase));

    public int Count => _values.Count;

    public IEnumerable<NamedValue> Values => _values.Values;

    /// <summary>A set built in code; a later value replaces an earlier one with the same name.</summary>
    public static NamedValueSet From(IEnumerable<NamedValue> values)
    {
        var map = new Dictionary<string, NamedValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            map[value.Name] = value;
        }

        return new NamedValueSet(map);
    }

    /// <summary>Reads a named-values file (JSON or YAML, see docs/named-values.md); problems become diagnostics.</summary>
    public static NamedValueLoadResult Load(string path) => NamedValueFileReader.ReadFile(path);

    /// <summary>Parses named-values text (JSON or YAML); <paramref name="file"/> is used in diagnostics.</summary>
    public static NamedValueLoadResult Parse(string text, string file) => NamedValueFileReader.Read(text, file);

    public bool TryGet(string name, [NotNullWhen(true)] out NamedValue? value) => _values.TryGetValue(name, out value);
}
