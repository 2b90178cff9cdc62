namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>
/// Diagnostics about Liquid templates of <c>set-body template="liquid"</c> (range AGW7051-AGW7099). Each points at
/// the offending markup inside the policy file, not at the start of the template.
/// </summary>
public static class TemplateDiagnostics
{
    /// <summary>{0} = the opening delimiter, {1} = the closing delimiter it lacks.</summary>
    public static readonly DiagnosticDescriptor UnterminatedMarkup = new(
        "AGW7051", DiagnosticSeverity.Error, "Unterminated Liquid markup",
        "Liquid markup opened with '{0}' is never closed with '{1}'.");

    /// <summary>{0} = tag name.</summary>
    public static readonly DiagnosticDescriptor UnknownTag = new(
        "AGW7052", DiagnosticSeverity.Error, "Unknown Liquid tag",
        "Unknown Liquid tag '{0}'.");

    /// <summary>{0} = block tag name.</summary>
    public static readonly DiagnosticDescriptor UnclosedBlock = new(
        "AGW7053", DiagnosticSeverity.Error, "Unclosed Liquid block",
        "The '{0}' block is never closed with 'end{0}'.");

    /// <summary>{0} = tag name, {1} = what was expected here.</summary>
    public static readonly DiagnosticDescriptor MisplacedTag = new(
        "AGW7054", DiagnosticSeverity.Error, "Misplaced Liquid tag",
        "'{0}' is not allowed here: {1}.");

    /// <summary>{0} = DotLiquid's message for the markup.</summary>
    public static readonly DiagnosticDescriptor SyntaxError = new(
        "AGW7055", DiagnosticSeverity.Error, "Liquid syntax error",
        "Liquid syntax error: {0}");

    /// <summary>{0} = filter name, {1} = did-you-mean suffix.</summary>
    public static readonly DiagnosticDescriptor UnsupportedFilter = new(
        "AGW7056", DiagnosticSeverity.Error, "Liquid filter not supported by set-body",
        "Filter '{0}' is not one of the Liquid filters set-body supports (names are PascalCase).{1}");
}
