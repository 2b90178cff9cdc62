using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Execution;

/// <summary>Where a policy stands in the effective pipeline, as LastError reports it, and in the file.</summary>
/// <param name="Path">Nested position, e.g. <c>choose[2]/when[1]/set-header[1]</c>: each step is the element name and
/// its 1-based position among its parent's elements (the index base is inferred from the docs' example).</param>
public sealed record PolicyLocation(string PolicyName, string Scope, string Section, string Path, string? PolicyId, SourceLocation Source);
