using ApimAiGateway.Delivery.Arm;
using ApimAiGateway.Delivery.Planning;
using ApimAiGateway.Delivery.Resources;
using ApimAiGateway.Harness.Analysis;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Delivery.Publishing;

/// <summary>
/// Deploys a repository to an API Management instance so that a failure never leaves it half-updated in a way
/// APIM rejects: lint first (no call on an error), read every resource, check what must already exist, then PUT
/// only what changed, in dependency order, each with the ETag it was read with. Stops at the first failure.
/// Never throws for bad input or a failing service: everything ends in the <see cref="PublishReport"/>.
/// </summary>
public sealed class Publisher(ArmClient client, PolicyLinter linter)
{
    public async Task<PublishReport> PublishAsync(PublishRequest request, CancellationToken cancellationToken = default)
    {
        var loaded = RepositoryGatewayLoader.Load(request.RepositoryRoot, request.Load);
        var defaultNamedValues = NamedValueEnvironments.CatalogOf(request.RepositoryRoot);
        var lint = linter.Lint(new LintRequest(LintedPaths(request.RepositoryRoot))
        {
            // The named values the repository is loaded with, as apim-policy check lints: {{name}} inside an
            // expression only compiles once substituted.
            NamedValuesFile = request.Load.NamedValuesFile ?? (File.Exists(defaultNamedValues) ? defaultNamedValues : null),
            EnvironmentFile = request.Load.Environment is { } environment ? NamedValueEnvironments.FileOf(request.RepositoryRoot, environment) : null,
            FragmentDirectories = request.Load.FragmentDirectories,
        });
        var findings = loaded.Diagnostics.Concat(lint.Diagnostics).Where(d => d.IsError).Distinct().ToList();
        if (findings.Count > 0)
        {
            return new PublishReport(PublishStatus.Invalid) { Diagnostics = findings };
        }

        var backendsFile = Path.Combine(request.RepositoryRoot, PolicyLayout.PoliciesDirectory, "backends.json");
        var plan = DeploymentPlanner.Plan(loaded.Blueprint, loaded.Blueprint.NamedValues, backendsFile, request.Accounts);
        if (plan.Problems.Count > 0)
        {
            return new PublishReport(PublishStatus.Invalid) { Problems = plan.Problems };
        }

        var selection = PublishSelection.Select(plan.Resources, request.Only, request.RepositoryRoot);
        if (selection.Problems.Count > 0)
        {
            return new PublishReport(PublishStatus.UsageError) { Problems = selection.Problems };
        }

        return await DeployAsync(selection.Resources, request, cancellationToken);
    }

    private async Task<PublishReport> DeployAsync(IReadOnlyList<PlannedResource> resources, PublishRequest request, CancellationToken cancellationToken)
    {
        var live = new Dictionary<ResourceAddress, ArmResponse>();
        List<ResourceChange> changes;
        var problems = new List<string>();
        var reading = "the instance";
        try
        {
            foreach (var resource in resources)
            {
                reading = resource.Address.ToString();
                live[resource.Address] = await client.GetAsync(resource.Address.ArmPath, resource.Address.IsXml, cancellationToken);
            }

            reading = "the instance";
            changes = [.. resources.Select(r => Decide(r, live[r.Address]))];
            problems.AddRange(MissingOwnedElsewhere(resources, live));
            if (request.Only.Count > 0)
            {
                problems.AddRange(await MissingIncludedFragmentsAsync(resources, cancellationToken));
            }
        }
        catch (ArmRequestException e)
        {
            return new PublishReport(PublishStatus.Stopped) { Problems = [$"reading {reading}: {e.Message}"] };
        }

        if (problems.Count > 0)
        {
            return new PublishReport(PublishStatus.Stopped) { Changes = [.. changes.Select(NotApplied)], Problems = problems };
        }

        return request.WhatIf
            ? new PublishReport(PublishStatus.WhatIf) { Changes = changes }
            : await ApplyAsync(resources, changes, live, cancellationToken);
    }

    private async Task<PublishReport> ApplyAsync(
        IReadOnlyList<PlannedResource> resources, List<ResourceChange> changes, Dictionary<ResourceAddress, ArmResponse> live, CancellationToken cancellationToken)
    {
        for (var i = 0; i < changes.Count; i++)
        {
            if (!changes[i].IsWrite)
            {
                continue;
            }

            try
            {
                // Updating sends the ETag read above: a concurrent change makes ARM answer 412 instead of losing it.
                var ifMatch = changes[i].Action == ResourceAction.Update ? live[changes[i].Address].ETag ?? "*" : null;
                await client.PutAsync(changes[i].Address.ArmPath, resources[i].Body, ifMatch, cancellationToken);
                changes[i] = changes[i] with { Outcome = ResourceOutcome.Applied };
            }
            catch (ArmRequestException e)
            {
                changes[i] = changes[i] with { Outcome = ResourceOutcome.Failed, Detail = e.Message };
                return new PublishReport(PublishStatus.Stopped)
                {
                    Changes = [.. changes.Take(i + 1), .. changes.Skip(i + 1).Select(NotApplied)],
                    Problems = [$"{changes[i].Address}: {e.Message}"],
                };
            }
        }

        return new PublishReport(PublishStatus.Published) { Changes = changes };
    }

    private static ResourceChange Decide(PlannedResource resource, ArmResponse live)
    {
        var exists = live.Status != 404;
        if (resource.VerifyOnly)
        {
            return new ResourceChange(resource.Address, ResourceAction.Verified) { Detail = resource.VerifyReason };
        }

        if (!exists)
        {
            return new ResourceChange(resource.Address, ResourceAction.Create);
        }

        var diff = ResourceComparison.Differences(resource, live.Json()!);
        return diff.Count == 0
            ? new ResourceChange(resource.Address, ResourceAction.Unchanged)
            : new ResourceChange(resource.Address, ResourceAction.Update) { Diff = diff };
    }

    private static IEnumerable<string> MissingOwnedElsewhere(IReadOnlyList<PlannedResource> resources, Dictionary<ResourceAddress, ArmResponse> live) =>
        resources.Where(r => r.VerifyOnly && live[r.Address].Status == 404).Select(r =>
            $"{r.Address} is not in the instance and publish does not create it ({r.VerifyReason}); deploy the infrastructure first (pulumi up)");

    /// <summary>A selected policy may include a fragment that is not selected only if the instance already has it.</summary>
    private async Task<IEnumerable<string>> MissingIncludedFragmentsAsync(IReadOnlyList<PlannedResource> resources, CancellationToken cancellationToken)
    {
        var selected = resources.Where(r => r.Address.Kind == ResourceKind.Fragment).Select(r => r.Address.Name).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var (resource, fragment) in resources.SelectMany(r => r.IncludedFragments.Select(f => (r, f))).Where(p => !selected.Contains(p.f)))
        {
            var address = new ResourceAddress(ResourceKind.Fragment, fragment);
            if (!ArmName.IsSafe(fragment) || (await client.GetAsync(address.ArmPath, rawXml: false, cancellationToken)).Status == 404)
            {
                problems.Add($"{resource.File} includes fragment '{fragment}', which is neither in the instance nor selected: add fragments/{fragment}.xml to --only");
            }
        }

        return problems;
    }

    private static ResourceChange NotApplied(ResourceChange change) =>
        change.IsWrite ? change with { Outcome = ResourceOutcome.NotApplied } : change;

    /// <summary>The layout's directories that hold XML: a team's repository may hold fragments and no policy.</summary>
    private static string[] LintedPaths(string root) =>
        [.. new[] { PolicyLayout.PoliciesDirectory, PolicyLayout.FragmentsDirectory }
            .Select(d => Path.Combine(root, d))
            .Where(d => Directory.Exists(d) && Directory.EnumerateFiles(d, "*" + PolicyLayout.PolicyFileExtension, SearchOption.AllDirectories).Any())];
}
