using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Services.Files;

namespace ApimAiGateway.Harness.Scenarios;

/// <summary>
/// A scenario file (docs/scenarios.md): the gateway the scenarios run against (a repository, named values,
/// services, extra products, subscriptions) and the scenarios. With errors, nothing of it should run.
/// </summary>
public sealed record ScenarioFile(string Path, IReadOnlyList<Scenario> Scenarios, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The repository root; null means the nearest directory above the file that holds policies/.</summary>
    public string? Repository { get; init; }

    /// <summary>Null means the repository's policies/named-values.json, when it has one.</summary>
    public string? NamedValuesFile { get; init; }

    public ServicesFile? Services { get; init; }

    /// <summary>Products besides the repository's, for subscriptions to products that have no policy.</summary>
    public IReadOnlyList<ProductDefinition> Products { get; init; } = [];

    public IReadOnlyList<ScenarioSubscription> Subscriptions { get; init; } = [];

    public bool HasErrors => Diagnostics.Any(d => d.IsError);
}
