using System.Xml;
using System.Xml.Linq;

namespace ApimAiGateway.Harness.Execution.Handlers.Conversion;

/// <summary>
/// The namespaces json-to-xml has seen declared on an element and its ancestors. A name splits into prefix and local
/// name at the namespace separator only when that prefix is declared, so an ordinary name with an underscore (the
/// default separator) stays one name.
/// </summary>
internal sealed class NamespaceScope(NamespaceScope? parent)
{
    private readonly Dictionary<string, XNamespace> _declared = new(StringComparer.Ordinal);

    public void Declare(string prefix, string uri) => _declared[prefix] = XNamespace.Get(uri);

    public XName Resolve(string name, string separator, bool isAttribute)
    {
        var split = separator.Length == 0 ? -1 : name.IndexOf(separator, StringComparison.Ordinal);
        if (split > 0 && Lookup(name[..split]) is { } prefixed)
        {
            return prefixed + XmlConvert.EncodeLocalName(name[(split + separator.Length)..]);
        }

        // Unprefixed attributes are in no namespace; unprefixed elements take the default namespace, if any.
        var local = XmlConvert.EncodeLocalName(name.Length == 0 ? "_" : name)!;
        return isAttribute ? XName.Get(local) : (Lookup(string.Empty) ?? XNamespace.None) + local;
    }

    private XNamespace? Lookup(string prefix) =>
        _declared.TryGetValue(prefix, out var found) ? found : parent?.Lookup(prefix);
}
