using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Gateway.Loading;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Services.Files;

namespace ApimAiGateway.Harness.Scenarios.Requests;

/// <summary>
/// Runs one request, as <c>apim-policy run</c> does, against policy files named one by one or a whole repository.
/// Policy files alone make a gateway of one API at the root path (every request reaches it, no key needed) and,
/// when the request names a subscription or product or a product policy is given, a product and a subscription
/// the request is made with, so the product policy applies.
/// </summary>
public sealed class RequestRunner(string? compilationCacheDirectory = null)
{
    private const string StandaloneApi = "api";

    public Task<RequestRunResult> RunAsync(RequestDefinition request, PolicyFileSelection files, ServicesFile? services)
    {
        var loaded = RepositoryGatewayLoader.LoadFiles(files);
        var policies = loaded.Blueprint.Policies;
        var apiId = policies.FirstOrDefault(p => p.Api is not null)?.Api ?? StandaloneApi;
        var operation = policies.FirstOrDefault(p => p.Scope == PolicyScopes.Operation)?.Operation;
        var api = new ApiDefinition(apiId, string.Empty, new Uri($"https://{apiId.ToLowerInvariant()}.backend.invalid"),
            operation is null ? [] : [new OperationDefinition(operation, "*", "/*")]) { SubscriptionRequired = false };
        var productId = request.Product ?? policies.FirstOrDefault(p => p.Scope == PolicyScopes.Product)?.Product
            ?? (request.Subscription is null ? null : "product");
        var blueprint = loaded.Blueprint with
        {
            // The product policy is the policy of the product the request names.
            Policies = [.. policies.Select(p => p.Scope == PolicyScopes.Product ? p with { Product = productId } : p)],
            Apis = [api],
            Products = productId is null ? [] : [new ProductDefinition(productId, [])],
        };
        return RunAsync(request, blueprint, loaded.Diagnostics, productId, services);
    }

    /// <summary>Against the repository's APIs and products; a subscription needs the request's <c>product</c>.</summary>
    public Task<RequestRunResult> RunAsync(RequestDefinition request, GatewayLoadResult repository, ServicesFile? services)
    {
        var diagnostics = repository.Diagnostics.ToList();
        if (request.Product is { } product && !repository.Blueprint.Products.Any(p => p.Id == product))
        {
            diagnostics.Add(ScenarioDiagnostics.UndefinedReference.At(request.Location, "Product", product,
                repository.Blueprint.Products.Count == 0 ? "(none)" : string.Join(", ", repository.Blueprint.Products.Select(p => p.Id))));
        }
        else if (request.Product is null && request.Subscription is not null)
        {
            diagnostics.Add(ScenarioDiagnostics.MissingKey.At(request.Location, "A request with a subscription", "product"));
        }

        return RunAsync(request, repository.Blueprint, diagnostics, request.Product, services);
    }

    private async Task<RequestRunResult> RunAsync(RequestDefinition request, GatewayBlueprint blueprint, IReadOnlyList<Diagnostic> diagnostics,
        string? productId, ServicesFile? services)
    {
        var all = diagnostics.Concat(services?.Diagnostics ?? []).ToList();
        if (all.Any(d => d.IsError))
        {
            return new RequestRunResult(null, all);
        }

        var builder = blueprint.CreateBuilder();
        if (services is not null)
        {
            builder.Network.Map(services);
        }

        if (compilationCacheDirectory is not null)
        {
            builder.WithCompilationCache(compilationCacheDirectory);
        }

        var call = request.Call;
        if (productId is not null)
        {
            var subscription = request.Subscription ?? "subscription";
            builder.WithSubscription(new SubscriptionDefinition(subscription, subscription + "-key", productId) { User = request.User });
            call = call with { SubscriptionId = subscription };
        }

        try
        {
            return new RequestRunResult(await builder.Build().SendAsync(call), all);
        }
        catch (GatewayBuildException e)
        {
            return new RequestRunResult(null, [.. all, .. e.Diagnostics]) { PoliciesHaveErrors = true };
        }
    }
}
