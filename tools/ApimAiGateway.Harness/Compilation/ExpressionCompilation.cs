using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Compilation;

/// <summary>The outcome of compiling a run's expressions: diagnostics located in the policy files, and on success the code.</summary>
public sealed record ExpressionCompilation(
    IReadOnlyList<Diagnostic> Diagnostics,
    CompiledExpressionSet? Expressions,
    bool FromCache)
{
    public bool Succeeded => Expressions is not null;
}
