using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Services.Files;

namespace ApimAiGateway.Harness.Scenarios;

/// <summary>A named sequence of requests run against one fresh gateway, in order.</summary>
public sealed record Scenario(string Name, SourceLocation Location, IReadOnlyList<ScenarioStep> Steps)
{
    /// <summary>Services of this scenario only, mapped over the file's (the same place replaces the file's service).</summary>
    public ServicesFile? Services { get; init; }
}
