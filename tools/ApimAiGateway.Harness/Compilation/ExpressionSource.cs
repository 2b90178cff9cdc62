using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Compilation;

/// <summary>
/// One expression to compile: its C# text (between the delimiters), its form, what its holder needs, and how to map
/// an offset in <see cref="Code"/> back to the policy file so compiler errors point into the XML.
/// </summary>
public sealed record ExpressionSource(
    string Code,
    ExpressionKind Kind,
    ExpressionResultType ResultType,
    Func<int, SourceLocation> LocationAt);
