namespace ApimAiGateway.Harness.Diagnostics;

/// <summary>A position in a policy file. Line and column are 1-based, as editors and SARIF count them.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation StartOf(string file) => new(file, 1, 1);

    public override string ToString() => $"{File}:{Line}:{Column}";
}
