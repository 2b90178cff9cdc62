using System.Xml.Linq;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Execution.Handlers.Conversion;

/// <summary>
/// XML to JSON as xml-to-json describes it (xml-to-json-policy). The document element becomes the one property of
/// the result; child elements become properties, repeated ones an array (every child an array with
/// always-array-child-elements); an element with only text becomes that string, an empty one null, and text beside
/// attributes or children goes to <c>#text</c>. Values stay strings: XML has no types to read.
/// kind="direct" "reflects the original XML document's structure": names keep their prefixes, attributes and
/// namespace declarations appear as <c>@name</c> properties. kind="javascript-friendly" gives names a script can
/// use as identifiers: local names without prefixes, attributes as plain properties, namespace declarations dropped.
/// The page describes the two kinds in one sentence each; these shapes are the harness's reading of it.
/// </summary>
internal static class XmlToJsonConverter
{
    private const string TextProperty = "#text";

    public static JObject Convert(string xml, bool javascriptFriendly, bool alwaysArrayChildElements)
    {
        var root = XDocument.Parse(xml).Root!;
        var converter = new Converter(javascriptFriendly, alwaysArrayChildElements);
        return new JObject(new JProperty(converter.Name(root), converter.Value(root)));
    }

    private sealed class Converter(bool javascriptFriendly, bool alwaysArray)
    {
        public string Name(XElement element) =>
            javascriptFriendly || element.GetPrefixOfNamespace(element.Name.Namespace) is not { Length: > 0 } prefix
                ? element.Name.LocalName
                : $"{prefix}:{element.Name.LocalName}";

        public JToken Value(XElement element)
        {
            var attributes = element.Attributes().Where(a => !(javascriptFriendly && a.IsNamespaceDeclaration)).ToList();
            var children = element.Elements().ToList();
            var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value));
            if (attributes.Count == 0 && children.Count == 0)
            {
                return element.IsEmpty ? JValue.CreateNull() : new JValue(text);
            }

            var result = new JObject();
            foreach (var attribute in attributes)
            {
                result[AttributeName(attribute)] = attribute.Value;
            }

            foreach (var group in children.GroupBy(Name))
            {
                var values = group.Select(Value).ToList();
                result[group.Key] = values.Count > 1 || alwaysArray ? new JArray(values) : values[0];
            }

            if (text.Trim().Length > 0)
            {
                result[TextProperty] = text;
            }

            return result;
        }

        private string AttributeName(XAttribute attribute)
        {
            if (javascriptFriendly)
            {
                return attribute.Name.LocalName;
            }

            var name = attribute.IsNamespaceDeclaration
                ? attribute.Name.Namespace == XNamespace.None ? "xmlns" : $"xmlns:{attribute.Name.LocalName}"
                : attribute.Parent!.GetPrefixOfNamespace(attribute.Name.Namespace) is { Length: > 0 } prefix
                    ? $"{prefix}:{attribute.Name.LocalName}"
                    : attribute.Name.LocalName;
            return "@" + name;
        }
    }
}
