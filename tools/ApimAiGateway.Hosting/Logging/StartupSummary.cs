using ApimAiGateway.Harness.Backends;

namespace ApimAiGateway.Hosting.Logging;

/// <summary>
/// The few lines <c>apim-policy serve</c> starts with: where the gateway listens, what it serves, where each
/// region is (simulated on loopback, or a real endpoint), and which file holds the keys. Keys are never printed.
/// </summary>
public static class StartupSummary
{
    public static void Write(TextWriter output, GatewayHost host)
    {
        var description = host.Description;
        output.WriteLine($"apim-policy serve: gateway listening on {host.Address}");
        output.WriteLine($"  repository     {description.RepositoryRoot}");
        foreach (var api in description.Apis)
        {
            output.WriteLine($"  API            {api.Id} at {host.Address}{api.Path} (subscription key in header '{api.SubscriptionKeyHeader}' or query '{api.SubscriptionKeyQuery}')");
        }

        output.WriteLine($"  products       {string.Join(", ", description.Products)}");
        output.WriteLine($"  subscriptions  {string.Join(", ", description.Subscriptions.Select(s => s.ToString()))} - keys in {description.SubscriptionsFile}{(description.SubscriptionsCreated ? " (created now)" : string.Empty)}");
        if (description.CallerTokensFile is { } tokens)
        {
            output.WriteLine($"  caller tokens  {tokens} (one per subscription, signed by the simulated Entra ID, valid {Identity.LocalCallerTokens.Lifetime.TotalHours:0} h; send as 'Authorization: Bearer <token>')");
        }

        foreach (var backend in description.Backends)
        {
            output.WriteLine($"  backend        {backend.Id}: {Where(backend, host)}");
        }

        if (description.Regions.Count > 0)
        {
            output.WriteLine($"  deployments    {string.Join(", ", description.Deployments.Select(d => d.Key == d.Value ? d.Key : $"{d.Key} ({d.Value})"))} in every simulated region");
        }

        output.WriteLine("  identity       managed identity and Microsoft Entra ID are simulated (login.microsoftonline.com, 169.254.169.254)");
        output.WriteLine("Press Ctrl+C to stop.");
    }

    private static string Where(BackendDefinition backend, GatewayHost host)
    {
        if (backend.Kind == BackendKind.Pool)
        {
            return "pool of " + string.Join(", ", backend.Members.Select(m => $"{m.BackendId} (priority {m.Priority}, weight {m.Weight})"));
        }

        if (backend.AzureRegion is { } code && host.Description.Endpoints.TryGetValue(code, out var endpoint))
        {
            return $"{backend.Url} -> real endpoint {endpoint}";
        }

        return host.Regions.FirstOrDefault(r => string.Equals(r.Host, backend.Url?.Host, StringComparison.OrdinalIgnoreCase)) is { } region
            ? $"{backend.Url} -> simulated {region.Service.Region} at {region.Address}"
            : $"{backend.Url} (not reachable: no simulated region or --endpoint serves it)";
    }
}
