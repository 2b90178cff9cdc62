using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Execution.Handlers.Conversion;

/// <summary>
/// JSON to XML as json-to-xml describes it (json-to-xml-policy). A property becomes an element of its name, an array
/// repeats the element once per item, null an empty element, and scalars their JSON text. An object with exactly one
/// property (not an array) becomes the document element; anything else is wrapped in <c>Document</c> (and a top-level array's items
/// in <c>Array</c> elements), the wrapper APIM answers with; the docs show only the single-root case. A name that
/// is not a valid XML name is escaped the XmlConvert way (<c>_xHHHH_</c>) so the XML stays well formed.
/// </summary>
internal static class JsonToXmlConverter
{
    private const string Wrapper = "Document";

    private const string ArrayItem = "Array";

    public static XDocument Convert(string json, JsonToXmlOptions options)
    {
        var token = Parse(json, options.ParseDate);
        var scope = new NamespaceScope(null);
        var root = token is JObject { Count: 1 } single && single.Properties().First() is { Value: not JArray } only && !IsSpecial(only.Name, options)
            ? ElementFor(only.Name, only.Value, scope, options)
            : Wrap(token, scope, options);
        return new XDocument(root);
    }

    private static JToken Parse(string json, bool parseDate)
    {
        using var reader = new JsonTextReader(new StringReader(json))
        {
            DateParseHandling = parseDate ? DateParseHandling.DateTimeOffset : DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
        };
        return JToken.ReadFrom(reader);
    }

    private static XElement Wrap(JToken token, NamespaceScope scope, JsonToXmlOptions options)
    {
        if (token is JArray array)
        {
            var wrapper = new XElement(Wrapper);
            foreach (var item in array)
            {
                wrapper.Add(ElementFor(ArrayItem, item, scope, options));
            }

            return wrapper;
        }

        return ElementFor(Wrapper, token, scope, options);
    }

    private static XElement ElementFor(string name, JToken value, NamespaceScope parentScope, JsonToXmlOptions options)
    {
        var scope = new NamespaceScope(parentScope);
        var properties = value is JObject obj ? obj.Properties().ToList() : [];
        foreach (var declaration in properties.Where(p => IsNamespaceDeclaration(p.Name, options)))
        {
            scope.Declare(DeclaredPrefix(declaration.Name, options), (string?)declaration.Value ?? string.Empty);
        }

        var element = new XElement(scope.Resolve(name, options.NamespaceSeparator, isAttribute: false));
        foreach (var declaration in properties.Where(p => IsNamespaceDeclaration(p.Name, options)))
        {
            var prefix = DeclaredPrefix(declaration.Name, options);
            element.Add(new XAttribute(prefix.Length == 0 ? "xmlns" : XNamespace.Xmlns + prefix, (string?)declaration.Value ?? string.Empty));
        }

        switch (value)
        {
            case JObject:
                AddProperties(element, properties, scope, options);
                break;
            case JArray items:
                // An array inside an array has no name of its own; its items repeat the outer name.
                foreach (var item in items)
                {
                    element.Add(ElementFor(name, item, scope, options));
                }

                break;
            case JValue { Type: JTokenType.Null }:
                // Null is an empty element, which xml-to-json reads back as null.
                break;
            default:
                element.Add(Text(value));
                break;
        }

        return element;
    }

    private static void AddProperties(XElement element, List<JProperty> properties, NamespaceScope scope, JsonToXmlOptions options)
    {
        foreach (var property in properties.Where(p => !IsNamespaceDeclaration(p.Name, options)))
        {
            if (property.Name == options.AttributeBlockName && property.Value is JObject attributes)
            {
                foreach (var attribute in attributes.Properties())
                {
                    element.Add(new XAttribute(scope.Resolve(attribute.Name, options.NamespaceSeparator, isAttribute: true), Text(attribute.Value)));
                }
            }
            else if (property.Value is JArray items)
            {
                foreach (var item in items)
                {
                    element.Add(ElementFor(property.Name, item, scope, options));
                }
            }
            else
            {
                element.Add(ElementFor(property.Name, property.Value, scope, options));
            }
        }
    }

    private static string Text(JToken value) => value switch
    {
        JValue { Type: JTokenType.Null } => string.Empty,
        JValue { Value: DateTimeOffset date } => XmlConvert.ToString(date),
        JValue { Value: bool flag } => flag ? "true" : "false",
        JValue scalar => System.Convert.ToString(scalar.Value, CultureInfo.InvariantCulture) ?? string.Empty,
        _ => value.ToString(Newtonsoft.Json.Formatting.None),
    };

    private static bool IsSpecial(string name, JsonToXmlOptions options) =>
        name == options.AttributeBlockName || IsNamespaceDeclaration(name, options);

    private static bool IsNamespaceDeclaration(string name, JsonToXmlOptions options) =>
        options.NamespacePrefix is { Length: > 0 } prefix
        && (name == prefix || name.StartsWith(prefix + options.NamespaceSeparator, StringComparison.Ordinal));

    private static string DeclaredPrefix(string name, JsonToXmlOptions options) =>
        name.Length == options.NamespacePrefix!.Length ? string.Empty : name[(options.NamespacePrefix.Length + options.NamespaceSeparator.Length)..];
}
