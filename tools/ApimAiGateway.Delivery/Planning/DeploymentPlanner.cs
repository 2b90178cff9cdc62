using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ApimAiGateway.Delivery.Arm;
using ApimAiGateway.Delivery.Resources;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.NamedValues;
using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Delivery.Planning;

/// <summary>
/// Turns a repository into the resources to deploy, in the order APIM accepts them: named values, backends (singles
/// before pools), fragments (an included fragment before the one including it), then global, product, API and
/// operation policies. APIM validates references when a policy is saved, so a policy sent before what it names fails.
/// </summary>
public static partial class DeploymentPlanner
{
    public static DeploymentPlan Plan(GatewayBlueprint blueprint, NamedValueSet? namedValues, string? backendsFile, AccountEndpoints accounts)
    {
        var problems = new List<string>();
        var resources = new List<PlannedResource>();
        resources.AddRange(PlanNamedValues(namedValues));
        if (backendsFile is not null && File.Exists(backendsFile))
        {
            resources.AddRange(PlanBackends(backendsFile, accounts, problems));
        }

        resources.AddRange(PlanFragments(blueprint.Fragments, problems));
        resources.AddRange(blueprint.Policies
            .Select(PlanPolicy)
            .OrderBy(r => r.Address.Kind)
            .ThenBy(r => r.Address.Api, StringComparer.Ordinal)
            .ThenBy(r => r.Address.Name, StringComparer.Ordinal));

        foreach (var unsafeName in resources.Where(r => !ArmName.IsSafe(r.Address.Name) || (r.Address.Api is { } api && !ArmName.IsSafe(api))))
        {
            problems.Add($"{unsafeName.File}: '{unsafeName.Address.Api ?? unsafeName.Address.Name}' cannot be an ARM resource id (letters, digits, '-', '_' and '.' only)");
        }

        return new DeploymentPlan(resources, problems);
    }

    private static IEnumerable<PlannedResource> PlanNamedValues(NamedValueSet? namedValues) =>
        (namedValues?.Values ?? []).OrderBy(v => v.Name, StringComparer.Ordinal).Select(value =>
            value.IsSecret
                // The Pulumi program owns secrets (Key Vault references): publish never sends a value for one.
                ? new PlannedResource(new ResourceAddress(ResourceKind.NamedValue, value.Name), new JsonObject(), value.Location.File)
                {
                    VerifyOnly = true,
                    VerifyReason = "secret: a Key Vault reference deployed by the Pulumi program (infra/)",
                }
                : new PlannedResource(
                    new ResourceAddress(ResourceKind.NamedValue, value.Name),
                    Properties(new JsonObject { ["displayName"] = value.Name, ["value"] = value.Value, ["secret"] = false }),
                    value.Location.File));

    private static IEnumerable<PlannedResource> PlanBackends(string file, AccountEndpoints accounts, List<string> problems)
    {
        JsonArray? list;
        try
        {
            list = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })?["backends"] as JsonArray;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            problems.Add($"{file}: {e.Message}");
            return [];
        }

        var backends = new List<PlannedResource>();
        foreach (var entry in (list ?? []).OfType<JsonObject>())
        {
            if (entry["name"] is not JsonValue nameValue || !nameValue.TryGetValue<string>(out var name) || entry["properties"] is not JsonObject properties)
            {
                problems.Add($"{file}: every backend needs a 'name' and 'properties'");
                continue;
            }

            var body = Properties((JsonObject)properties.DeepClone());
            var missing = ResolveAccounts(body["properties"]!.AsObject(), accounts);
            backends.Add(new PlannedResource(new ResourceAddress(ResourceKind.Backend, name), body, file)
            {
                VerifyOnly = missing is not null,
                VerifyReason = missing is null ? null : $"its URL needs the Azure OpenAI account of {missing} (pass --infra-outputs)",
            });
        }

        // Pool members must exist before the pool that names them.
        return backends.OrderBy(b => IsPool(b.Body["properties"]!.AsObject()) ? 1 : 0);
    }

    /// <summary>ARM reads the backend type without regard to case, and so does the harness (BackendsFile): "pool" is a pool.</summary>
    private static bool IsPool(JsonObject properties) =>
        properties["type"] is JsonValue type && type.TryGetValue<string>(out var text) && text.Equals("Pool", StringComparison.OrdinalIgnoreCase);

    /// <returns>The region whose account is unknown, or null when the URL is complete.</returns>
    private static string? ResolveAccounts(JsonObject properties, AccountEndpoints accounts)
    {
        if (properties["url"] is not JsonValue value || !value.TryGetValue<string>(out var url))
        {
            return null;
        }

        string? missing = null;
        var resolved = AccountToken().Replace(url, match =>
        {
            if (accounts.TryGetSubdomain(match.Groups[1].Value, out var subdomain))
            {
                return subdomain;
            }

            missing ??= match.Groups[1].Value;
            return match.Value;
        });
        properties["url"] = resolved;
        return missing;
    }

    private static IEnumerable<PlannedResource> PlanFragments(IReadOnlyList<FragmentSource> fragments, List<string> problems)
    {
        var byId = fragments.GroupBy(f => f.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var ordered = new List<PlannedResource>();
        var state = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var id in byId.Keys.Order(StringComparer.Ordinal))
        {
            Visit(id, []);
        }

        return ordered;

        // Depth first: a fragment is placed after every fragment it includes; a cycle is reported, not followed.
        void Visit(string id, List<string> path)
        {
            if (!byId.TryGetValue(id, out var fragment) || state.TryGetValue(id, out var done) && done)
            {
                return;
            }

            if (state.ContainsKey(id))
            {
                problems.Add($"{fragment.File}: fragments include each other: {string.Join(" -> ", [.. path, id])}");
                return;
            }

            state[id] = false;
            var includes = FragmentReferences.In(fragment.Text);
            foreach (var included in includes)
            {
                Visit(included, [.. path, id]);
            }

            state[id] = true;
            var properties = new JsonObject { ["format"] = "rawxml", ["value"] = fragment.Text };
            if (FragmentDescription.Of(fragment.Text) is { } description)
            {
                properties["description"] = description;
            }

            ordered.Add(new PlannedResource(new ResourceAddress(ResourceKind.Fragment, id), Properties(properties), fragment.File) { IncludedFragments = includes });
        }
    }

    private static PlannedResource PlanPolicy(PolicySource policy)
    {
        var address = policy.Scope switch
        {
            PolicyScopes.Global => ResourceAddress.Global,
            PolicyScopes.Product => new ResourceAddress(ResourceKind.ProductPolicy, policy.Product!),
            PolicyScopes.Api => new ResourceAddress(ResourceKind.ApiPolicy, policy.Api!),
            _ => new ResourceAddress(ResourceKind.OperationPolicy, policy.Operation!, policy.Api),
        };
        return new PlannedResource(address, Properties(new JsonObject { ["format"] = "rawxml", ["value"] = policy.Text }), policy.File)
        {
            IncludedFragments = FragmentReferences.In(policy.Text),
        };
    }

    private static JsonObject Properties(JsonObject properties) => new() { ["properties"] = properties };

    [GeneratedRegex(@"\$\{account:([^}]+)\}")]
    private static partial Regex AccountToken();
}
