using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// Every fragment opens with its contract: YAML in the first XML comment naming its id (the file name), its section,
/// a summary, what it reads and sets, and what it returns. The fragment catalog is generated from these.
/// </summary>
public sealed partial class FragmentContractTests
{
    private static readonly HashSet<string> Sections = ["inbound", "backend", "outbound", "on-error"];

    public static TheoryData<string> Fragments => [.. Directory.GetFiles(Path.Combine(FragmentFixture.RepositoryRoot, "fragments"), "*.xml").Select(f => Path.GetFileNameWithoutExtension(f)).Order()];

    [Theory]
    [MemberData(nameof(Fragments))]
    public void The_fragment_opens_with_a_contract_that_names_it_and_its_section(string id)
    {
        var text = FragmentFixture.FragmentText(id);
        var comment = LeadingComment().Match(text);
        Assert.True(comment.Success, $"{id}.xml does not open with its contract comment.");

        var yaml = new YamlStream();
        yaml.Load(new StringReader(comment.Groups["yaml"].Value));
        var contract = (YamlMappingNode)yaml.Documents[0].RootNode;

        Assert.Equal(id, Scalar(contract, "id"));
        Assert.Contains(Scalar(contract, "section") ?? string.Empty, Sections);
        Assert.False(string.IsNullOrWhiteSpace(Scalar(contract, "summary")));
        Assert.True(contract.Children.ContainsKey(new YamlScalarNode("reads")) || contract.Children.ContainsKey(new YamlScalarNode("sets")), $"{id}: the contract says neither what it reads nor what it sets.");
    }

    private static string? Scalar(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (node as YamlScalarNode)?.Value : null;

    [GeneratedRegex(@"\A\s*<!--(?<yaml>.*?)-->", RegexOptions.Singleline)]
    private static partial Regex LeadingComment();
}
