using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Analysis;

/// <summary>The findings of a lint run, ordered by file and position, and what the run covered.</summary>
public sealed record LintResult(IReadOnlyList<Diagnostic> Diagnostics, int FilesLinted, int ExpressionsCompiled, bool CompiledFromCache)
{
    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>True when the input itself was unusable (a missing path, an unreadable file): exit code 2.</summary>
    public bool HasInputProblems => Diagnostics.Any(InputDiagnostics.IsInputProblem);
}
