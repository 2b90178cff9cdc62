using System.Xml;
using System.Xml.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ApimAiGateway.Delivery.Resources;

/// <summary>
/// A fragment's description for APIM: the <c>summary</c> of the YAML contract in its first comment
/// (docs/repository-layout.md), cut to the 1000 characters ARM accepts.
/// </summary>
public static class FragmentDescription
{
    private const int MaxLength = 1000;

    public static string? Of(string xml)
    {
        try
        {
            var comment = XDocument.Parse(xml).DescendantNodes().OfType<XComment>().FirstOrDefault();
            if (comment is null)
            {
                return null;
            }

            var yaml = new YamlStream();
            yaml.Load(new StringReader(comment.Value));
            return yaml.Documents.FirstOrDefault()?.RootNode is YamlMappingNode map
                   && map.Children.TryGetValue(new YamlScalarNode("summary"), out var node) && node is YamlScalarNode { Value: { Length: > 0 } summary }
                ? summary.Length > MaxLength ? summary[..MaxLength] : summary
                : null;
        }
        catch (Exception e) when (e is XmlException or YamlException)
        {
            return null;
        }
    }
}
