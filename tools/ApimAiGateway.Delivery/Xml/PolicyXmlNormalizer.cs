using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace ApimAiGateway.Delivery.Xml;

/// <summary>
/// Puts policy XML into one canonical text so that the repository and the live instance compare equal when they
/// differ only in layout: whitespace between elements, whitespace around text, attribute order, line endings,
/// quoting and character escapes. Comments are kept (APIM stores and returns them with raw XML, and a fragment's
/// contract lives in one), compared with their surrounding whitespace trimmed. Text that is not well-formed XML is
/// compared line by line with trailing whitespace and line endings ignored.
/// </summary>
public static class PolicyXmlNormalizer
{
    private static readonly XmlReaderSettings ReaderSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
        IgnoreProcessingInstructions = true,
    };

    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        OmitXmlDeclaration = true,
        ConformanceLevel = ConformanceLevel.Fragment,
    };

    public static string Normalize(string text)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), ReaderSettings);
            document = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException)
        {
            return string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(line => line.TrimEnd())).Trim();
        }

        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, WriterSettings))
        {
            // A fragment's contract is a comment before its root element: it is part of the document.
            foreach (var node in document.Nodes().Select(Canonical).OfType<XNode>())
            {
                node.WriteTo(writer);
            }
        }

        return output.ToString();
    }

    private static XElement Canonical(XElement element) =>
        new(element.Name,
            element.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal).Select(a => new XAttribute(a.Name, a.Value)),
            element.Nodes().Select(Canonical).OfType<XNode>());

    private static XNode? Canonical(XNode node) => node switch
    {
        XElement child => Canonical(child),
        XCData data => new XCData(data.Value),
        XText text => text.Value.Trim() is { Length: > 0 } trimmed ? new XText(trimmed) : null,
        XComment comment => new XComment(comment.Value.ReplaceLineEndings("\n").Trim()),
        _ => null,
    };
}
