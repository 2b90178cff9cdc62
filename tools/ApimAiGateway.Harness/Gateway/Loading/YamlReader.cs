using System.Globalization;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Services.Files;
using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;
using ApimAiGateway.Harness.Yaml;

namespace ApimAiGateway.Harness.Gateway.Loading;

/// <summary>
/// Reads typed values out of the YAML tree of one file, reporting every value of the wrong kind, unknown key and
/// missing key where it is written. Each method returns null for a value it reported, so callers skip it and go on.
/// </summary>
internal sealed class YamlReader(string file, DiagnosticBag diagnostics)
{
    public string File { get; } = file;

    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public SourceLocation Locate(YamlNode node) => YamlText.Locate(File, node.Start);

    public void Report(DiagnosticDescriptor descriptor, YamlNode at, params object?[] args) =>
        Diagnostics.Add(descriptor, Locate(at), args);

    /// <summary>
    /// The entries of a map by key. Unknown keys are reported and left out; so is a missing required key, and then
    /// the whole map is null. A <c>$comment</c> key is always allowed, as in the repository's JSON files.
    /// </summary>
    public IReadOnlyDictionary<string, YamlNode>? Map(YamlNode node, string what, IReadOnlyCollection<string> known, params string[] required)
    {
        if (node is not YamlMappingNode map)
        {
            Report(ScenarioDiagnostics.WrongShape, node, Capitalized(what), $"a map with the keys {string.Join(", ", known)}");
            return null;
        }

        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (known.Contains(name))
            {
                entries[name] = value;
            }
            else if (name != "$comment")
            {
                Report(ScenarioDiagnostics.UnknownKey, key, name, what, string.Join(", ", known));
            }
        }

        var missing = required.Where(r => !entries.ContainsKey(r)).ToList();
        foreach (var key in missing)
        {
            Report(ScenarioDiagnostics.MissingKey, node, Capitalized(what), key);
        }

        return missing.Count == 0 ? entries : null;
    }

    /// <summary>The entries of a map whose keys are names chosen by the author (headers, variables, JSONPaths).</summary>
    public IReadOnlyList<(string Key, YamlNode KeyNode, YamlNode Value)>? Named(YamlNode node, string what)
    {
        if (node is not YamlMappingNode map)
        {
            Report(ScenarioDiagnostics.WrongShape, node, Capitalized(what), "a map");
            return null;
        }

        return [.. map.Children.Select(e => ((e.Key as YamlScalarNode)?.Value ?? e.Key.ToString(), e.Key, e.Value))];
    }

    public IReadOnlyList<YamlNode>? List(YamlNode node, string what)
    {
        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        Report(ScenarioDiagnostics.WrongShape, node, Capitalized(what), "a list");
        return null;
    }

    public string? Text(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } text })
        {
            return text;
        }

        Report(ScenarioDiagnostics.WrongShape, node, Capitalized(what), "a non-empty string");
        return null;
    }

    public string? Text(IReadOnlyDictionary<string, YamlNode> map, string key, string what) =>
        map.TryGetValue(key, out var node) ? Text(node, what) : null;

    public bool? Boolean(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var value))
        {
            return value;
        }

        Report(ScenarioDiagnostics.WrongShape, node, Capitalized(what), "true or false");
        return null;
    }

    public int? Integer(YamlNode node, string what, int min, int max)
    {
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max)
        {
            return value;
        }

        Report(ScenarioDiagnostics.WrongShape, node, Capitalized(what), $"an integer from {min} to {max}");
        return null;
    }

    /// <summary>An absolute http(s) URL.</summary>
    public Uri? Url(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } text } && Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return uri;
        }

        Report(ScenarioDiagnostics.WrongShape, node, Capitalized(what), "an absolute http or https URL");
        return null;
    }

    /// <summary>A list of non-empty strings; a single string stands for a list of one.</summary>
    public IReadOnlyList<string>? Texts(YamlNode node, string what)
    {
        if (node is YamlScalarNode)
        {
            return Text(node, what) is { } single ? [single] : null;
        }

        var items = List(node, what)?.Select(item => Text(item, what)).ToList();
        return items is null || items.Contains(null) ? null : [.. items.OfType<string>()];
    }

    /// <summary>Any value as JSON: YAML's plain scalars are typed (numbers, booleans, null), quoted ones are strings.</summary>
    public static JToken Json(YamlNode node) => YamlJson.From(node);

    private static string Capitalized(string what) => what.Length == 0 ? what : char.ToUpperInvariant(what[0]) + what[1..];
}
