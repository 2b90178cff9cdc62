namespace ApimAiGateway.Harness.Services.Outputs;

/// <summary>Builds the name/value maps of traces and metrics; a name given twice keeps its last value.</summary>
internal static class NameValueMap
{
    public static IReadOnlyDictionary<string, string> From(IEnumerable<KeyValuePair<string, string>>? pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs ?? [])
        {
            map[name] = value;
        }

        return map;
    }
}
