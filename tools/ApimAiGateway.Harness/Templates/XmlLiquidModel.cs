using System.Xml;
using System.Xml.Linq;
using DotLiquid;

namespace ApimAiGateway.Harness.Templates;

/// <summary>
/// An XML body as Liquid values. <c>body</c> holds the root element under its name, as a JSON body holds its
/// members, so <c>body.Envelope.Body.Order.Id</c> walks down from the root. Elements are keyed by local name
/// (a prefix such as <c>soap:</c> cannot be written in a Liquid path). An element with only text is that text;
/// one with attributes or children is a hash with attributes under <c>@name</c>, children by name (repeated
/// children as a list) and its own text under <c>#text</c>, the shape Json.NET gives XML. An element with
/// <c>xsi:nil="true"</c> is an empty string or null per set-body's <c>xsi-nil</c> attribute.
/// APIM documents only the Content-Type rule and xsi-nil; the rest of this shape is the emulator's choice.
/// </summary>
internal static class XmlLiquidModel
{
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static Hash Parse(string xml, LiquidXsiNil xsiNil)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var root = XDocument.Load(reader).Root!;
        var body = new Hash();
        body[root.Name.LocalName] = ValueOf(root, xsiNil);
        return body;
    }

    private static object? ValueOf(XElement element, LiquidXsiNil xsiNil)
    {
        if ((string?)element.Attribute(Xsi + "nil") is "true")
        {
            return xsiNil == LiquidXsiNil.Blank ? "" : null;
        }

        var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace != Xsi).ToList();
        if (attributes.Count == 0 && !element.HasElements)
        {
            return element.Value;
        }

        var hash = new Hash();
        foreach (var attribute in attributes)
        {
            hash["@" + attribute.Name.LocalName] = attribute.Value;
        }

        foreach (var group in element.Elements().GroupBy(child => child.Name.LocalName, StringComparer.Ordinal))
        {
            var values = group.Select(child => ValueOf(child, xsiNil)).ToList();
            hash[group.Key] = values.Count == 1 ? values[0] : values;
        }

        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        if (text.Length > 0)
        {
            hash["#text"] = text;
        }

        return hash;
    }
}
