using System.Text.Json.Nodes;
using ApimAiGateway.Delivery.Xml;

namespace ApimAiGateway.Delivery.Resources;

/// <summary>
/// Whether the live resource already is what the repository declares. XML is compared after
/// <see cref="PolicyXmlNormalizer"/>; other properties must be present live with equal values (ARM adds read-only
/// properties of its own, which are not differences).
/// </summary>
public static class ResourceComparison
{
    /// <returns>Empty when equal, else the compact diff of what would change.</returns>
    public static IReadOnlyList<string> Differences(PlannedResource planned, JsonObject live)
    {
        var desired = planned.Body["properties"] as JsonObject ?? [];
        var current = live["properties"] as JsonObject ?? [];
        var lines = new List<string>();
        foreach (var (name, value) in desired)
        {
            if (planned.Address.IsXml && name == "format")
            {
                // Sent as rawxml and read back with ?format=rawxml: the stored format is not a difference.
                continue;
            }

            if (planned.Address.IsXml && name == "value")
            {
                lines.AddRange(CompactDiff.OfPolicies(TextOf(current[name]), TextOf(value)));
            }
            else if (!Contains(current[name], value))
            {
                lines.Add($"- {name}: {Short(current[name])}");
                lines.Add($"+ {name}: {Short(value)}");
            }
        }

        return lines;
    }

    /// <summary>Whether <paramref name="live"/> holds everything <paramref name="wanted"/> says.</summary>
    private static bool Contains(JsonNode? live, JsonNode? wanted) => (live, wanted) switch
    {
        (_, null) => true,
        (JsonObject l, JsonObject w) => w.All(p => Contains(l[p.Key], p.Value)),
        (JsonArray l, JsonArray w) => l.Count == w.Count && w.Select((item, i) => Contains(l[i], item)).All(same => same),
        (JsonValue l, JsonValue w) when TextOf(w) is { } text && text.StartsWith("/backends/", StringComparison.Ordinal) =>
            // A pool names members by the short form /backends/<id>; ARM may answer with the full resource id (inference).
            TextOf(l).EndsWith(text, StringComparison.OrdinalIgnoreCase),
        (JsonValue l, JsonValue w) => JsonNode.DeepEquals(l, w),
        _ => false,
    };

    private static string TextOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? string.Empty;

    private static string Short(JsonNode? node)
    {
        var text = node?.ToJsonString() ?? "(absent)";
        return text.Length > 120 ? text[..120] + "..." : text;
    }
}
