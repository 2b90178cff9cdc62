using System.Text.Json.Nodes;
using ApimAiGateway.Delivery.Publishing;
using ApimAiGateway.Delivery.Resources;
using ApimAiGateway.Harness.Gateway.Loading;

namespace ApimAiGateway.Delivery.Tests.Publishing;

/// <summary>The repository these tests run from, published to the stand-in: the real files plan and deploy cleanly.</summary>
public sealed class ThisRepositoryPublishTests : DeliveryTest
{
    private static readonly string Root = RepositoryRoot.Find(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("The tests do not run inside the repository.");

    [Fact]
    public async Task The_repository_publishes_in_dependency_order_once_the_infrastructure_exists()
    {
        World.Arm.Seed("namedValues/payg-fallback-api-key", new JsonObject { ["properties"] = new JsonObject { ["secret"] = true } });
        SeedInfrastructure();

        var report = await World.PublishAsync(new PublishRequest(Root));

        Assert.True(report.Status == PublishStatus.Published, DeliveryFixture.Print(report));
        var sent = report.Changes.Where(c => c.Outcome == ResourceOutcome.Applied).Select(c => c.Address).ToList();
        Assert.Equal(sent.Select(a => a.Kind).Order(), sent.Select(a => a.Kind));
        Assert.Contains(sent, a => a.Kind == ResourceKind.GlobalPolicy);
        Assert.Equal(sent.Select(a => a.ArmPath), World.Arm.Puts.Select(p => p.Path));
        Assert.Contains(report.Changes, c => c.Action == ResourceAction.Verified && c.Address.Name == "payg-fallback-api-key");
        // Regional backends need the accounts (--infra-outputs) and are only verified; the pool is complete and is sent.
        Assert.Equal(Backends("Pool").Select(name => $"backends/{name}"), World.Arm.Puts.Select(p => p.Path).Where(p => p.StartsWith("backends/", StringComparison.Ordinal)));

        // Publishing again finds everything unchanged and sends nothing.
        var puts = World.Arm.Puts.Count();
        var again = await World.PublishAsync(new PublishRequest(Root));
        Assert.Equal(PublishStatus.Published, again.Status);
        Assert.Equal(puts, World.Arm.Puts.Count());
    }

    [Fact]
    public async Task An_environment_publishes_its_own_plain_values()
    {
        SeedInfrastructure();

        var report = await World.PublishAsync(new PublishRequest(Root) { Load = new RepositoryLoadOptions { Environment = "prod" } });

        Assert.True(report.Status == PublishStatus.Published, DeliveryFixture.Print(report));
        var tenant = Assert.Single(World.Arm.Puts, p => p.Path == "namedValues/entra-tenant-id");
        var prod = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "policies", "environments", "prod.json")))!["namedValues"]!["entra-tenant-id"]!.GetValue<string>();
        Assert.Contains(prod, tenant.Body);
    }

    /// <summary>What the Pulumi program deploys and publish only verifies: the Key Vault secrets and the regional backends.</summary>
    private void SeedInfrastructure()
    {
        World.Arm.Seed("namedValues/payg-fallback-api-key", new JsonObject { ["properties"] = new JsonObject { ["secret"] = true } });
        foreach (var backend in Backends("Single"))
        {
            World.Arm.Seed($"backends/{backend}", new JsonObject { ["properties"] = new JsonObject() });
        }
    }

    private static IEnumerable<string> Backends(string type) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "policies", "backends.json")))!["backends"]!.AsArray()
            .Where(b => b!["properties"]!["type"]!.GetValue<string>() == type)
            .Select(b => b!["name"]!.GetValue<string>());
}
