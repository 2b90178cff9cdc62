using System.Xml;
using System.Xml.Linq;

namespace ApimAiGateway.Delivery.Resources;

/// <summary>The fragment ids a policy or fragment includes (<c>&lt;include-fragment fragment-id="..."/&gt;</c>).</summary>
public static class FragmentReferences
{
    public static IReadOnlyList<string> In(string xml)
    {
        try
        {
            return [.. XElement.Parse(xml).DescendantsAndSelf("include-fragment")
                .Select(e => (string?)e.Attribute("fragment-id"))
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)];
        }
        catch (XmlException)
        {
            // Lint reports malformed XML before anything is planned.
            return [];
        }
    }
}
