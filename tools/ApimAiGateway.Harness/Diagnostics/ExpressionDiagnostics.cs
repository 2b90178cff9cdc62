namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>
/// Diagnostics about the C# inside policy expressions. APIM0001/0002/0006 are APIM's own ids and message texts for
/// its allowed-types rule (apim-reference §1.6); C# compiler errors keep Roslyn's CSxxxx ids.
/// </summary>
public static class ExpressionDiagnostics
{
    public static readonly DiagnosticDescriptor TypeNotSupported = new(
        "APIM0001", DiagnosticSeverity.Error, "Type not allowed in expressions",
        "Usage of type '{0}' is not supported within expressions");

    public static readonly DiagnosticDescriptor MemberNotSupported = new(
        "APIM0002", DiagnosticSeverity.Error, "Member not allowed in expressions",
        "Usage of member '{0}' of type '{1}' is not supported within expressions");

    public static readonly DiagnosticDescriptor DynamicNotSupported = new(
        "APIM0006", DiagnosticSeverity.Error, "Late binding in expressions",
        "Dynamic member invocation is not supported");

    public static readonly DiagnosticDescriptor CompilerCrashed = new(
        "AGW6001", DiagnosticSeverity.Error, "Expression compilation failed",
        "The expressions could not be compiled: {0}");

    public static readonly DiagnosticDescriptor NotOneExpression = new(
        "AGW6003", DiagnosticSeverity.Error, "Expression breaks out of its delimiters",
        "The code of this expression is not one C# expression (@( )) or statement block (@{ }): it closes its own delimiters. A named value used as code without --named-values can cause this.");

    public static readonly DiagnosticDescriptor CacheUnusable = new(
        "AGW6002", DiagnosticSeverity.Warning, "Compilation cache unusable",
        "The compilation cache at '{0}' could not be used ({1}); compiling without it");
}
