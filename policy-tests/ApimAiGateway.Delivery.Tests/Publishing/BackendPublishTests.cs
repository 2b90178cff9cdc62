using System.Text.Json.Nodes;
using ApimAiGateway.Delivery.Planning;
using ApimAiGateway.Delivery.Publishing;

namespace ApimAiGateway.Delivery.Tests.Publishing;

/// <summary>Backends: sent with the accounts of the infrastructure's outputs, else only verified (the Pulumi program owns them).</summary>
public sealed class BackendPublishTests : DeliveryTest
{
    private const string Backends = """
        {"backends":[
          {"name":"aoai-pool","properties":{"type":"Pool","pool":{"services":[{"id":"/backends/aoai-eastus","priority":1,"weight":100}]}}},
          {"name":"aoai-eastus","properties":{"type":"Single","url":"https://${account:eastus}.openai.azure.com/openai","protocol":"http"}}
        ]}
        """;

    [Fact]
    public async Task With_infrastructure_outputs_single_backends_go_before_pools_with_the_account_filled_in()
    {
        World.Repository.Write("policies/backends.json", Backends);
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        var outputs = World.Repository.Write("outputs.json", """{"openAiEndpoints":{"eastus":"https://gw-aoai-eastus-1a2b.openai.azure.com/"}}""");

        var report = await World.PublishAsync(new PublishRequest(World.Repository.Root) { Accounts = AccountEndpoints.Load(outputs, out _)! });

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(["backends/aoai-eastus", "backends/aoai-pool", "policies/policy"], World.Arm.Puts.Select(p => p.Path));
        var single = JsonNode.Parse(World.Arm.Puts.First().Body)!["properties"]!;
        Assert.Equal("https://gw-aoai-eastus-1a2b.openai.azure.com/openai", single["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_pool_typed_in_lower_case_still_goes_after_its_members()
    {
        // BackendsFile (the harness) reads "pool" as a pool; publish must order it as one too, or APIM refuses the
        // pool for naming a backend that does not exist yet.
        World.Repository.Write("policies/backends.json", Backends.Replace("\"type\":\"Pool\"", "\"type\":\"pool\"", StringComparison.Ordinal));
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        var outputs = World.Repository.Write("outputs.json", """{"openAiEndpoints":{"eastus":"https://gw-aoai-eastus-1a2b.openai.azure.com/"}}""");

        var report = await World.PublishAsync(new PublishRequest(World.Repository.Root) { Accounts = AccountEndpoints.Load(outputs, out _)! });

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(["backends/aoai-eastus", "backends/aoai-pool", "policies/policy"], World.Arm.Puts.Select(p => p.Path));
    }

    [Fact]
    public async Task Without_infrastructure_outputs_backends_are_verified_and_a_missing_one_stops_publish()
    {
        World.Repository.Write("policies/backends.json", Backends);
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Arm.Seed("backends/aoai-pool", new JsonObject { ["properties"] = new JsonObject() });

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Stopped, report.Status);
        Assert.Empty(World.Arm.Puts);
        Assert.Contains("backend aoai-eastus is not in the instance", Assert.Single(report.Problems));
    }

    [Fact]
    public async Task A_live_pool_naming_members_by_full_resource_id_is_unchanged()
    {
        World.Repository.Write("policies/backends.json", Backends);
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Arm.SeedXml("policies/policy", TestRepository.CleanGlobal);
        World.Arm.Seed("backends/aoai-eastus", new JsonObject { ["properties"] = new JsonObject() });
        World.Arm.Seed("backends/aoai-pool", JsonNode.Parse("""
            {"properties":{"type":"Pool","title":null,"pool":{"services":[{"id":"/subscriptions/s/resourceGroups/r/providers/Microsoft.ApiManagement/service/a/backends/aoai-eastus","priority":1,"weight":100}]}}}
            """)!.AsObject());

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Empty(World.Arm.Puts);
    }
}
