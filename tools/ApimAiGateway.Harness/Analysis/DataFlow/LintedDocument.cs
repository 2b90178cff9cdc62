using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.Analysis.DataFlow;

/// <summary>A document of a lint run with its place in the repository.</summary>
public sealed record LintedDocument(PolicyDocument Document, PolicyPlacement Placement);
