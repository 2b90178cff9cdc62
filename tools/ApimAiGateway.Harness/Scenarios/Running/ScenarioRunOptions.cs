namespace ApimAiGateway.Harness.Scenarios.Running;

public sealed record ScenarioRunOptions
{
    /// <summary>Keep compiled expressions on disk between gateways and runs; null compiles afresh.</summary>
    public string? CompilationCacheDirectory { get; init; }

    /// <summary>The environment (policies/environments/&lt;name&gt;.json) whose named values every repository is read with.</summary>
    public string? Environment { get; init; }
}
