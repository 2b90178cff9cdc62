namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>Diagnostics of the policy reader (AGW1001-AGW1099): file, XML shape, entities and expression delimiters.</summary>
public static class ReaderDiagnostics
{
    public static readonly DiagnosticDescriptor EmptyDocument = new(
        "AGW1001", DiagnosticSeverity.Error, "Empty policy file",
        "The policy file is empty; expected a <policies> or <fragment> document.");

    public static readonly DiagnosticDescriptor DocumentTooLarge = new(
        "AGW1002", DiagnosticSeverity.Error, "Policy file too large",
        "The policy file is {0} long; the reader's limit is {1} (APIM itself limits a fragment to 512 KB).");

    public static readonly DiagnosticDescriptor BinaryContent = new(
        "AGW1003", DiagnosticSeverity.Error, "Binary content",
        "The file contains a NUL character; a policy file must be text.");

    public static readonly DiagnosticDescriptor InvalidEncoding = new(
        "AGW1004", DiagnosticSeverity.Error, "Invalid text encoding",
        "The file is not valid UTF-8 (or UTF-16 after a byte order mark); the first invalid byte is at byte offset {0}.");

    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "AGW1005", DiagnosticSeverity.Error, "File cannot be read",
        "The policy file cannot be read: {0}");

    public static readonly DiagnosticDescriptor WrongRootElement = new(
        "AGW1006", DiagnosticSeverity.Error, "Wrong root element",
        "The root element is <{0}>; a policy document must have <policies> or <fragment> as its root.");

    public static readonly DiagnosticDescriptor MissingRootElement = new(
        "AGW1007", DiagnosticSeverity.Error, "No root element",
        "The document has no root element; expected <policies> or <fragment>.");

    public static readonly DiagnosticDescriptor ExtraRootElement = new(
        "AGW1008", DiagnosticSeverity.Error, "More than one root element",
        "Element <{0}> follows the root element; a document has exactly one root.");

    public static readonly DiagnosticDescriptor TextOutsideRoot = new(
        "AGW1009", DiagnosticSeverity.Error, "Text outside the root element",
        "Text is not allowed outside the root element.");

    public static readonly DiagnosticDescriptor UnclosedElement = new(
        "AGW1010", DiagnosticSeverity.Error, "Unclosed element",
        "Element <{0}> is never closed.");

    public static readonly DiagnosticDescriptor MismatchedEndTag = new(
        "AGW1011", DiagnosticSeverity.Error, "Mismatched end tag",
        "End tag </{0}> does not match the open element <{1}> (opened at {2}:{3}).");

    public static readonly DiagnosticDescriptor UnexpectedEndTag = new(
        "AGW1012", DiagnosticSeverity.Error, "End tag without start tag",
        "End tag </{0}> has no matching start tag.");

    public static readonly DiagnosticDescriptor MalformedTag = new(
        "AGW1013", DiagnosticSeverity.Error, "Malformed tag",
        "Malformed tag: expected {0}.");

    public static readonly DiagnosticDescriptor DuplicateAttribute = new(
        "AGW1014", DiagnosticSeverity.Error, "Duplicate attribute",
        "Attribute '{0}' appears more than once on this element.");

    public static readonly DiagnosticDescriptor UnquotedAttributeValue = new(
        "AGW1015", DiagnosticSeverity.Error, "Unquoted attribute value",
        "The value of attribute '{0}' must be enclosed in double or single quotes.");

    public static readonly DiagnosticDescriptor UnterminatedMarkup = new(
        "AGW1016", DiagnosticSeverity.Error, "Unterminated markup",
        "This {0} is never terminated.");

    public static readonly DiagnosticDescriptor DoctypeNotAllowed = new(
        "AGW1017", DiagnosticSeverity.Error, "DOCTYPE not allowed",
        "Document type declarations are not allowed in policy documents.");

    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "AGW1018", DiagnosticSeverity.Error, "Nesting too deep",
        "Elements are nested more than {0} levels deep; reading stopped here.");

    public static readonly DiagnosticDescriptor UnknownEntity = new(
        "AGW1019", DiagnosticSeverity.Error, "Unknown entity",
        "Unknown entity reference; XML defines only &lt; &gt; &amp; &quot; &apos; and character references &#NN; / &#xNN;.");

    public static readonly DiagnosticDescriptor InvalidCharacterReference = new(
        "AGW1020", DiagnosticSeverity.Error, "Invalid character reference",
        "This character reference does not name a valid XML character.");

    public static readonly DiagnosticDescriptor UnclosedExpression = new(
        "AGW1021", DiagnosticSeverity.Error, "Unclosed expression",
        "The policy expression starting here has no balanced closing '{0}'.");

    public static readonly DiagnosticDescriptor UnterminatedString = new(
        "AGW1022", DiagnosticSeverity.Error, "Unterminated string literal",
        "The C# string literal starting here is never terminated.");

    public static readonly DiagnosticDescriptor UnterminatedCharacter = new(
        "AGW1023", DiagnosticSeverity.Error, "Unterminated character literal",
        "The C# character literal starting here is never terminated.");

    public static readonly DiagnosticDescriptor UnterminatedComment = new(
        "AGW1024", DiagnosticSeverity.Error, "Unterminated comment",
        "The C# comment starting here is never terminated.");

    public static readonly DiagnosticDescriptor MismatchedBracket = new(
        "AGW1025", DiagnosticSeverity.Error, "Mismatched bracket",
        "'{0}' does not close the bracket opened before it in this expression.");

    public static readonly DiagnosticDescriptor TextAfterExpression = new(
        "AGW1026", DiagnosticSeverity.Error, "Text after expression",
        "A value that starts with a policy expression must consist of that expression only; text follows its closing '{0}'.");
}
