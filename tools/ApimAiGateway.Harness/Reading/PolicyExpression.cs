using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reading;

/// <summary>
/// A policy expression found in a value. <see cref="Code"/> is the C# between the delimiters (for <c>@(x + 1)</c>
/// it is <c>x + 1</c>; for <c>@{ return 1; }</c> it is <c> return 1; </c>), entity-decoded and with named values
/// substituted, each character still mapped to the policy file.
/// </summary>
public sealed record PolicyExpression(ExpressionKind Kind, LocatedText Code, SourceLocation Location);
