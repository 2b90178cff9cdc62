using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Scenarios.Expectations;
using ApimAiGateway.Harness.Services.Files;

namespace ApimAiGateway.Harness.Scenarios.Running;

/// <summary>
/// Runs scenario files: each scenario against a fresh gateway (its own clock, stores and services) built from the
/// repository the file names, one step after another. A repository is read once per runner however many files use it.
/// </summary>
public sealed class ScenarioRunner(ScenarioRunOptions? options = null)
{
    private readonly ScenarioRunOptions _options = options ?? new ScenarioRunOptions();
    private readonly Dictionary<(string Root, string? NamedValues), GatewayLoadResult> _repositories = [];

    public async Task<ScenarioFileResult> RunAsync(ScenarioFile file, CancellationToken cancellationToken = default)
    {
        if (file.HasErrors)
        {
            return new ScenarioFileResult(file.Path, file.Diagnostics, []);
        }

        var diagnostics = new DiagnosticBag();
        diagnostics.AddRange(file.Diagnostics);
        var blueprint = Blueprint(file, diagnostics);
        if (diagnostics.HasErrors || blueprint is null)
        {
            return new ScenarioFileResult(file.Path, diagnostics.Items, []);
        }

        var results = new List<ScenarioResult>();
        foreach (var scenario in file.Scenarios)
        {
            results.Add(await RunAsync(file, blueprint, scenario, cancellationToken));
        }

        return new ScenarioFileResult(file.Path, diagnostics.Items, results);
    }

    private GatewayBlueprint? Blueprint(ScenarioFile file, DiagnosticBag diagnostics)
    {
        var root = file.Repository ?? RepositoryRoot.Find(file.Path);
        if (root is null)
        {
            diagnostics.Add(ScenarioDiagnostics.RepositoryNotFound, SourceLocation.StartOf(file.Path), Path.GetDirectoryName(Path.GetFullPath(file.Path)));
            return null;
        }

        var key = (Path.GetFullPath(root), file.NamedValuesFile);
        if (!_repositories.TryGetValue(key, out var loaded))
        {
            loaded = RepositoryGatewayLoader.Load(key.Item1, new RepositoryLoadOptions { NamedValuesFile = file.NamedValuesFile, Environment = _options.Environment });
            _repositories[key] = loaded;
        }

        diagnostics.AddRange(loaded.Diagnostics);
        var blueprint = loaded.Blueprint;
        foreach (var product in file.Products.Where(p => blueprint.Products.Any(existing => existing.Id == p.Id)))
        {
            diagnostics.Add(ScenarioDiagnostics.DuplicateName, SourceLocation.StartOf(file.Path), "Product (in the repository and the scenario file)", product.Id);
        }

        var products = blueprint.Products.Concat(file.Products).ToList();
        foreach (var subscription in file.Subscriptions.Where(s => !products.Exists(p => p.Id == s.Definition.ProductId)))
        {
            diagnostics.Add(ScenarioDiagnostics.UndefinedReference, subscription.ProductLocation, "Product", subscription.Definition.ProductId,
                products.Count == 0 ? "(none)" : string.Join(", ", products.Select(p => p.Id)));
        }

        return blueprint with { Products = products };
    }

    private async Task<ScenarioResult> RunAsync(ScenarioFile file, GatewayBlueprint blueprint, Scenario scenario, CancellationToken cancellationToken)
    {
        var builder = blueprint.CreateBuilder();
        foreach (var subscription in file.Subscriptions)
        {
            builder.WithSubscription(subscription.Definition);
        }

        foreach (var services in new[] { file.Services, scenario.Services }.OfType<ServicesFile>())
        {
            builder.Network.Map(services);
        }

        if (_options.CompilationCacheDirectory is { } cache)
        {
            builder.WithCompilationCache(cache);
        }

        SimulatedGateway gateway;
        try
        {
            gateway = builder.Build();
        }
        catch (GatewayBuildException e)
        {
            return new ScenarioResult(scenario) { BuildDiagnostics = e.Diagnostics };
        }

        var run = 0;
        foreach (var step in scenario.Steps)
        {
            gateway.VirtualClock?.Advance(step.Advance);
            var call = step.Request.Subscription is { } subscription ? step.Request.Call with { SubscriptionId = subscription } : step.Request.Call;
            var result = await gateway.SendAsync(call, cancellationToken);
            run++;
            var failures = ExpectationChecker.Check(step.Expect, result).ToList();
            if (result.HarnessError is { } harnessError)
            {
                failures.Insert(0, new ExpectationFailure(step.Location, "emulation", "a request the harness can emulate", harnessError));
            }

            if (failures.Count > 0)
            {
                return new ScenarioResult(scenario) { Failure = new StepFailure(step, failures, result), StepsRun = run };
            }
        }

        return new ScenarioResult(scenario) { StepsRun = run };
    }
}
