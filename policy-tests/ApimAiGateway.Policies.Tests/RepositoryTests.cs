namespace ApimAiGateway.Policies.Tests;

/// <summary>The composed gateway as policies/ declares it: what the end-to-end tests build on.</summary>
public sealed class RepositoryTests
{
    [Fact]
    public void The_repository_loads_without_diagnostics()
    {
        var loaded = ThisRepository.Load();

        Assert.Empty(loaded.Diagnostics);
    }

    [Fact]
    public void Every_tier_has_a_product_serving_the_azure_openai_api()
    {
        var products = ThisRepository.Load().Blueprint.Products;

        Assert.Equal(Tier.All.Select(t => t.ProductId).Order(), products.Select(p => p.Id).Order());
        Assert.All(products, p => Assert.Equal(["azure-openai"], p.ApiIds));
    }

    [Fact]
    public void Every_residency_group_has_a_pool_of_its_own_regions()
    {
        var pools = Newtonsoft.Json.Linq.JObject.Parse(ThisRepository.NamedValue("residency-pools"));
        var backends = ThisRepository.Load().Blueprint.Backends.Select(b => b.Id).ToHashSet();

        Assert.Equal(["eu", "us"], pools.Properties().Select(p => p.Name).Order());
        Assert.All(pools.Properties(), p => Assert.Contains((string)p.Value!, backends));
    }
}
