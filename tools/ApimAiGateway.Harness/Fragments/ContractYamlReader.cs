using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Yaml;
using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Harness.Fragments;

/// <summary>
/// Reads typed values out of a contract's YAML tree, reporting each value of the wrong kind and each unknown key at
/// its place in the fragment file (YAML positions are mapped through the comment's located text).
/// </summary>
internal sealed class ContractYamlReader(LocatedText yaml, DiagnosticBag diagnostics)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public SourceLocation Locate(YamlDotNet.Core.Mark mark) => yaml.LocationAt((int)Math.Clamp(mark.Index, 0, yaml.Length));

    public SourceLocation Locate(YamlNode node) => Locate(YamlText.StartOf(node));

    public void Report(DiagnosticDescriptor descriptor, YamlNode at, params object?[] args) =>
        Diagnostics.Add(descriptor, Locate(at), args);

    /// <summary>The entries of a map by key; unknown keys are reported and left out. Null when it is not a map.</summary>
    public IReadOnlyDictionary<string, YamlNode>? Map(YamlNode node, string what, IReadOnlyCollection<string> known)
    {
        if (node is not YamlMappingNode map)
        {
            Report(FragmentContractDiagnostics.WrongShape, node, what, $"a map with the keys {string.Join(", ", known)}");
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
            else
            {
                Report(FragmentContractDiagnostics.UnknownKey, key, name, what, string.Join(", ", known));
            }
        }

        return entries;
    }

    /// <summary>A non-empty single-line or block text.</summary>
    public string? Text(YamlNode node, string what)
    {
        if (node is YamlScalarNode { Value: { } text } && !string.IsNullOrWhiteSpace(text))
        {
            return text.Trim();
        }

        Report(FragmentContractDiagnostics.WrongShape, node, what, "a non-empty text");
        return null;
    }

    /// <summary>A list of texts; an absent or empty value (<c>key:</c>) is an empty list.</summary>
    public IReadOnlyList<string> Texts(IReadOnlyDictionary<string, YamlNode> map, string key, string what) =>
        [.. Items(map, key, what).Select(item => Text(item, $"An entry of {what}")).OfType<string>()];

    /// <summary>The items of a list; an absent value is an empty list.</summary>
    public IReadOnlyList<YamlNode> Items(IReadOnlyDictionary<string, YamlNode> map, string key, string what)
    {
        if (!map.TryGetValue(key, out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        Report(FragmentContractDiagnostics.WrongShape, node, what, "a list");
        return [];
    }
}
