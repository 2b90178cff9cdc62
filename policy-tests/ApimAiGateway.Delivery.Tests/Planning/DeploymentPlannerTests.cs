using ApimAiGateway.Delivery.Planning;
using ApimAiGateway.Delivery.Resources;
using ApimAiGateway.Harness.Gateway.Loading;

namespace ApimAiGateway.Delivery.Tests.Planning;

/// <summary>The order the plan puts resources in, independent of any HTTP.</summary>
public sealed class DeploymentPlannerTests
{
    private static FragmentSource Fragment(string id, params string[] includes) =>
        new(id, $"<fragment>{string.Concat(includes.Select(i => $"<include-fragment fragment-id=\"{i}\" />"))}</fragment>", $"fragments/{id}.xml");

    [Fact]
    public void A_fragment_goes_after_the_fragments_it_includes()
    {
        var blueprint = new GatewayBlueprint { Fragments = [Fragment("a", "c"), Fragment("b"), Fragment("c", "b")] };

        var plan = DeploymentPlanner.Plan(blueprint, null, null, AccountEndpoints.None);

        Assert.Empty(plan.Problems);
        Assert.Equal(["b", "c", "a"], plan.Resources.Select(r => r.Address.Name));
    }

    [Fact]
    public void Fragments_that_include_each_other_are_a_problem_not_a_loop()
    {
        var blueprint = new GatewayBlueprint { Fragments = [Fragment("a", "b"), Fragment("b", "a")] };

        var plan = DeploymentPlanner.Plan(blueprint, null, null, AccountEndpoints.None);

        Assert.Contains("fragments include each other: a -> b -> a", Assert.Single(plan.Problems));
    }

    [Fact]
    public void Policies_follow_scope_order_global_product_api_operation()
    {
        var blueprint = new GatewayBlueprint
        {
            Policies =
            [
                new PolicySource(Harness.Policies.PolicyScopes.Operation, "<policies />", "o.xml") { Api = "openai", Operation = "chat" },
                new PolicySource(Harness.Policies.PolicyScopes.Api, "<policies />", "a.xml") { Api = "openai" },
                new PolicySource(Harness.Policies.PolicyScopes.Product, "<policies />", "p.xml") { Product = "starter" },
                new PolicySource(Harness.Policies.PolicyScopes.Global, "<policies />", "g.xml"),
            ],
        };

        var plan = DeploymentPlanner.Plan(blueprint, null, null, AccountEndpoints.None);

        Assert.Equal([ResourceKind.GlobalPolicy, ResourceKind.ProductPolicy, ResourceKind.ApiPolicy, ResourceKind.OperationPolicy], plan.Resources.Select(r => r.Address.Kind));
        Assert.Equal("apis/openai/operations/chat/policies/policy", plan.Resources[^1].Address.ArmPath);
    }

    [Fact]
    public void An_id_that_cannot_be_an_ARM_name_is_a_problem()
    {
        var blueprint = new GatewayBlueprint { Fragments = [Fragment("bad;id")] };

        var plan = DeploymentPlanner.Plan(blueprint, null, null, AccountEndpoints.None);

        Assert.Contains("'bad;id' cannot be an ARM resource id", Assert.Single(plan.Problems));
    }

    [Theory]
    [InlineData("{}", "no 'openAiEndpoints'")]
    [InlineData("{\"openAiEndpoints\":{\"eastus\":\"http://plain.example\"}}", "not an https endpoint")]
    [InlineData("not json", "outputs.json")]
    public void Infrastructure_outputs_that_do_not_fit_are_refused_with_a_reason(string text, string reason)
    {
        var file = Path.Combine(Path.GetTempPath(), $"outputs-{Guid.NewGuid():N}", "outputs.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, text);

        Assert.Null(AccountEndpoints.Load(file, out var problem));
        Assert.Contains(reason, problem);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }
}
