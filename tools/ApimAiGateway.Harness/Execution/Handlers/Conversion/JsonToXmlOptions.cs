namespace ApimAiGateway.Harness.Execution.Handlers.Conversion;

/// <summary>The json-to-xml attributes that shape the XML (json-to-xml-policy).</summary>
/// <param name="ParseDate">true (default): date strings are read as dates and written in XML's date format; false copies them.</param>
/// <param name="NamespaceSeparator">Splits a prefix from a local name (default underscore).</param>
/// <param name="NamespacePrefix">Properties named so, or so plus the separator and a prefix, declare namespaces; unset declares none.</param>
/// <param name="AttributeBlockName">A property of this name holds the element's attributes; unset means no attributes.</param>
internal sealed record JsonToXmlOptions(bool ParseDate, string NamespaceSeparator, string? NamespacePrefix, string? AttributeBlockName);
