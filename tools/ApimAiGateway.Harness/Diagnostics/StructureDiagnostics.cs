namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>
/// Diagnostics about the structure of a policy document, reported by the linter from the policy catalog's data
/// (range AGW3001-AGW3099). Messages name the element and attribute as written so that the fix is obvious.
/// </summary>
public static class StructureDiagnostics
{
    /// <summary>{0} = element name, {1} = " Did you mean 'x'?" or empty (see <see cref="DidYouMean"/>).</summary>
    public static readonly DiagnosticDescriptor UnknownPolicy = new(
        "AGW3001", DiagnosticSeverity.Error, "Unknown policy", "Unknown policy '{0}'.{1}");

    /// <summary>{0} = child element name, {1} = parent element name, {2} = did-you-mean suffix.</summary>
    public static readonly DiagnosticDescriptor ChildElementNotAllowed = new(
        "AGW3002", DiagnosticSeverity.Error, "Element not allowed here",
        "Element '{0}' is not allowed inside '{1}'.{2}");

    /// <summary>{0} = attribute name, {1} = element name, {2} = did-you-mean suffix.</summary>
    public static readonly DiagnosticDescriptor UnknownAttribute = new(
        "AGW3003", DiagnosticSeverity.Error, "Unknown attribute", "Unknown attribute '{0}' on '{1}'.{2}");

    /// <summary>{0} = attribute name, {1} = element name.</summary>
    public static readonly DiagnosticDescriptor MissingRequiredAttribute = new(
        "AGW3004", DiagnosticSeverity.Error, "Missing required attribute",
        "'{1}' requires the attribute '{0}'.");

    /// <summary>{0} = attribute name, {1} = element name.</summary>
    public static readonly DiagnosticDescriptor ExpressionNotAllowed = new(
        "AGW3005", DiagnosticSeverity.Error, "Expression not allowed in attribute",
        "Attribute '{0}' of '{1}' does not accept policy expressions; use a literal value.");

    /// <summary>{0} = value, {1} = attribute name, {2} = element name, {3} = expected form, e.g. "an integer" or "one of: a, b".</summary>
    public static readonly DiagnosticDescriptor InvalidAttributeValue = new(
        "AGW3006", DiagnosticSeverity.Error, "Invalid attribute value",
        "'{0}' is not a valid value for attribute '{1}' of '{2}': expected {3}.");

    /// <summary>{0} = policy name, {1} = section name, {2} = allowed sections.</summary>
    public static readonly DiagnosticDescriptor PolicyNotAllowedInSection = new(
        "AGW3007", DiagnosticSeverity.Error, "Policy not allowed in section",
        "Policy '{0}' is not allowed in the '{1}' section; it may be used in: {2}.");

    /// <summary>{0} = policy name, {1} = scope name, {2} = allowed scopes.</summary>
    public static readonly DiagnosticDescriptor PolicyNotAllowedInScope = new(
        "AGW3008", DiagnosticSeverity.Error, "Policy not allowed at scope",
        "Policy '{0}' is not allowed at {1} scope; it may be used at: {2}.");

    /// <summary>{0} = policy name, {1} = section name.</summary>
    public static readonly DiagnosticDescriptor OncePerSectionViolated = new(
        "AGW3009", DiagnosticSeverity.Error, "Policy used more than once in a section",
        "Policy '{0}' can only be used once in a policy section, but '{1}' contains it more than once.");

    /// <summary>{0} = policy name.</summary>
    public static readonly DiagnosticDescriptor OncePerDocumentViolated = new(
        "AGW3010", DiagnosticSeverity.Error, "Policy used more than once in a definition",
        "Policy '{0}' can only be used once per policy definition.");

    /// <summary>{0} = child element name, {1} = parent element name, {2} = minimum count.</summary>
    public static readonly DiagnosticDescriptor TooFewChildElements = new(
        "AGW3011", DiagnosticSeverity.Error, "Too few child elements",
        "'{1}' requires at least {2} '{0}' element(s).");

    /// <summary>{0} = child element name, {1} = parent element name, {2} = maximum count.</summary>
    public static readonly DiagnosticDescriptor TooManyChildElements = new(
        "AGW3012", DiagnosticSeverity.Error, "Too many child elements",
        "'{1}' allows at most {2} '{0}' element(s).");

    /// <summary>{0} = element name, {1} = attribute list, e.g. "'header-name', 'token-value'".</summary>
    public static readonly DiagnosticDescriptor ExactlyOneAttributeRequired = new(
        "AGW3013", DiagnosticSeverity.Error, "Exactly one of several attributes required",
        "'{0}' requires exactly one of the attributes {1}.");

    /// <summary>{0} = element name, {1} = attribute list.</summary>
    public static readonly DiagnosticDescriptor AtLeastOneAttributeRequired = new(
        "AGW3014", DiagnosticSeverity.Error, "At least one of several attributes required",
        "'{0}' requires at least one of the attributes {1}.");

    /// <summary>{0} = element name, {1} = attribute list.</summary>
    public static readonly DiagnosticDescriptor AttributesMutuallyExclusive = new(
        "AGW3015", DiagnosticSeverity.Error, "Mutually exclusive attributes",
        "'{0}' accepts only one of the attributes {1}.");

    /// <summary>{0} = element name, {1} = attribute list.</summary>
    public static readonly DiagnosticDescriptor AttributesRequiredTogether = new(
        "AGW3016", DiagnosticSeverity.Error, "Attributes must be used together",
        "'{0}' requires the attributes {1} to be used together.");

    /// <summary>{0} = element name.</summary>
    public static readonly DiagnosticDescriptor TextRequired = new(
        "AGW3017", DiagnosticSeverity.Error, "Element text required", "'{0}' requires a value as its text.");

    /// <summary>{0} = element name.</summary>
    public static readonly DiagnosticDescriptor TextNotAllowed = new(
        "AGW3018", DiagnosticSeverity.Error, "Element text not allowed", "'{0}' does not accept text content.");

    /// <summary>{0} = element name.</summary>
    public static readonly DiagnosticDescriptor ExpressionNotAllowedInText = new(
        "AGW3019", DiagnosticSeverity.Error, "Expression not allowed in element text",
        "The text of '{0}' does not accept policy expressions; use a literal value.");

    /// <summary>{0} = policy name.</summary>
    public static readonly DiagnosticDescriptor PolicyNotAllowedInFragment = new(
        "AGW3020", DiagnosticSeverity.Error, "Policy not allowed in a fragment",
        "'{0}' cannot be used inside a policy fragment.");

    /// <summary>{0} = fragment id, {1} = did-you-mean suffix.</summary>
    public static readonly DiagnosticDescriptor UnknownFragment = new(
        "AGW3021", DiagnosticSeverity.Error, "Unknown fragment",
        "include-fragment names fragment '{0}', which does not exist.{1}");

    /// <summary>{0} = child policy name, {1} = parent element name, {2} = allowed policies.</summary>
    public static readonly DiagnosticDescriptor PolicyNotAllowedAsChild = new(
        "AGW3022", DiagnosticSeverity.Error, "Policy not allowed inside this element",
        "Policy '{0}' is not allowed inside '{1}'; only {2} may be used there.");

    /// <summary>{0} = section name.</summary>
    public static readonly DiagnosticDescriptor DuplicateSection = new(
        "AGW3023", DiagnosticSeverity.Error, "Section used more than once",
        "The '{0}' section appears more than once in the policy document.");

    /// <summary>The suffix for the did-you-mean argument of the messages above: empty when there is no suggestion.</summary>
    public static string DidYouMean(string? suggestion) =>
        suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
}
