using System.Text.Json.Nodes;
using ApimAiGateway.Delivery.Live;
using ApimAiGateway.Delivery.Tests.StandIn;
using ApimAiGateway.Harness.Gateway;

namespace ApimAiGateway.Delivery.Tests.Live;

/// <summary>pull writes the live instance into the layout; diff compares the layout with the live instance.</summary>
public sealed class PullAndDiffTests : DeliveryTest
{
    private void SeedInstance()
    {
        World.Arm.SeedXml("policyFragments/stamp", TestRepository.Fragment("x-stamp"));
        World.Arm.SeedXml("policies/policy", TestRepository.Including("stamp"));
        World.Arm.Seed("products/starter", new JsonObject());
        World.Arm.SeedXml("products/starter/policies/policy", TestRepository.CleanGlobal);
        World.Arm.Seed("products/unlimited", new JsonObject());
        World.Arm.Seed("apis/openai", new JsonObject());
        World.Arm.SeedXml("apis/openai/policies/policy", TestRepository.CleanGlobal);
        World.Arm.Seed("apis/openai/operations/chat", new JsonObject());
        World.Arm.SeedXml("apis/openai/operations/chat/policies/policy", TestRepository.CleanGlobal);
    }

    private async Task<PullResult> Pull(string target)
    {
        using var client = World.Client();
        return await new PolicyPuller(new LiveInstanceReader(client)).PullAsync(target);
    }

    private async Task<IReadOnlyList<Drift>> Diff()
    {
        using var client = World.Client();
        var live = await new LiveInstanceReader(client).ReadAsync();
        return DriftDetector.Compare(RepositoryGatewayLoader.Load(World.Repository.Root).Blueprint, live);
    }

    [Fact]
    public async Task Pull_writes_every_policy_and_fragment_into_the_repository_layout()
    {
        SeedInstance();
        var target = Path.Combine(World.Repository.Root, "pulled");

        var result = await Pull(target);

        Assert.Null(result.Problem);
        Assert.Equal(
            ["fragments/stamp.xml", "policies/apis/openai/api.xml", "policies/apis/openai/operations/chat.xml", "policies/global.xml", "policies/products/starter.xml"],
            result.Written.Select(f => Path.GetRelativePath(target, f).Replace('\\', '/')).Order(StringComparer.Ordinal));
        Assert.Equal(TestRepository.Including("stamp"), File.ReadAllText(Path.Combine(target, "policies", "global.xml")));
        Assert.All(World.Arm.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Pulling_an_empty_instance_writes_nothing_and_succeeds()
    {
        var result = await Pull(Path.Combine(World.Repository.Root, "pulled"));

        Assert.Null(result.Problem);
        Assert.Empty(result.Written);
    }

    [Fact]
    public async Task Ids_that_could_escape_the_target_are_skipped_not_written()
    {
        World.Arm.SeedXml("policyFragments/..", TestRepository.Fragment("x"));
        World.Arm.Seed("apis/echo;rev=2", new JsonObject());
        var target = Path.Combine(World.Repository.Root, "pulled");

        var result = await Pull(target);

        Assert.Null(result.Problem);
        Assert.Empty(result.Written);
        Assert.Equal(2, result.Skipped.Count);
    }

    [Fact]
    public async Task A_skipped_id_is_reported_without_its_control_characters_so_it_cannot_forge_log_lines()
    {
        World.Arm.Script(r => r.Path == "products", new ScriptedResponse(200, """{"value":[{"name":"evil\nerror: forged\u001b[2J"}]}"""));

        var result = await Pull(Path.Combine(World.Repository.Root, "pulled"));

        var skipped = Assert.Single(result.Skipped);
        Assert.Contains("'evil?error: forged?[2J'", skipped);
        Assert.DoesNotContain(skipped, char.IsControl);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad\0dir")]
    public async Task A_target_that_is_not_a_path_is_a_problem_before_anything_is_read(string target)
    {
        var result = await Pull(target);

        Assert.Contains("is not a directory path", result.Problem);
        Assert.Empty(result.Written);
        Assert.Empty(World.Arm.Requests);
    }

    [Fact]
    public async Task A_pulled_instance_is_in_sync_with_itself()
    {
        SeedInstance();
        await Pull(World.Repository.Root);

        Assert.Empty(await Diff());
    }

    [Fact]
    public async Task Diff_reports_what_is_missing_on_either_side_and_what_differs()
    {
        SeedInstance();
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        World.Repository.Write("fragments/new.xml", TestRepository.Fragment("x-new"));

        var drifts = await Diff();

        Assert.Contains(drifts, d => d.Kind == DriftKind.MissingLive && d.Address.Name == "new");
        Assert.Contains(drifts, d => d.Kind == DriftKind.MissingInRepository && d.Address.ToString() == "product policy starter");
        Assert.Contains(drifts, d => d.Kind == DriftKind.MissingInRepository && d.Address.ToString() == "operation policy openai/chat");
        var global = Assert.Single(drifts, d => d.Kind == DriftKind.Differs);
        Assert.Equal("global policy", global.Address.ToString());
        Assert.Contains("-     <include-fragment fragment-id=\"stamp\" />", global.Diff);
    }
}
