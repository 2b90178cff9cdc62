using ApimAiGateway.Cli;
using ApimAiGateway.Delivery.Tests.StandIn;

namespace ApimAiGateway.Delivery.Tests.Cli;

/// <summary>publish, pull and diff as CI runs them: exit codes 0 / 1 / 2 and what they print.</summary>
public sealed class DeliveryCommandsTests : DeliveryTest
{
    private async Task<(int Exit, string Output, string Error)> Run(string verb, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] service = ["--subscription", ArmStandIn.Subscription, "--resource-group", ArmStandIn.ResourceGroup, "--service", ArmStandIn.Service,
            "--arm-endpoint", World.Arm.Endpoint.AbsoluteUri];
        string[] repository = verb == "pull" ? [] : ["--repository", World.Repository.Root];
        string[] lint = verb == "publish" ? ["--no-cache"] : [];
        var exit = await ApimPolicyCli.RunAsync([verb, .. service, .. repository, .. lint, .. args], output, error, new FakeCredential());
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Publish_exits_0_and_prints_each_resource()
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);

        var (exit, output, _) = await Run("publish");

        Assert.Equal(0, exit);
        Assert.Contains("create     global policy", output);
        Assert.Contains("applied", output);
    }

    [Fact]
    public async Task What_if_exits_0_and_changes_nothing()
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);

        var (exit, output, _) = await Run("publish", "--what-if");

        Assert.Equal(0, exit);
        Assert.Contains("What-if: nothing was changed.", output);
        Assert.Empty(World.Arm.Puts);
    }

    [Fact]
    public async Task A_lint_error_exits_1_without_a_request()
    {
        World.Repository.Write("policies/global.xml", "<policies><inbound><set-hedaer /></inbound></policies>");

        var (exit, output, _) = await Run("publish");

        Assert.Equal(1, exit);
        Assert.Contains("AGW3001", output);
        Assert.Empty(World.Arm.Requests);
    }

    [Fact]
    public async Task A_refused_write_exits_1()
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Arm.ScriptPut("policies/policy", ScriptedResponse.Error(409, "Conflict", "no"));

        var (exit, output, _) = await Run("publish");

        Assert.Equal(1, exit);
        Assert.Contains("Stopped.", output);
    }

    [Theory]
    [InlineData("--subscription", "../../x")]
    [InlineData("--arm-endpoint", "http://management.example")]
    [InlineData("--only", "nowhere.xml")]
    [InlineData("--infra-outputs", "missing.json")]
    [InlineData("--infra-outputs", "")]
    [InlineData("--only", "bad\0.xml")]
    public async Task Bad_arguments_exit_2_without_a_request(string option, string value)
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);

        var (exit, _, error) = await Run("publish", option, value);

        Assert.Equal(2, exit);
        Assert.Empty(World.Arm.Requests);
        if (option != "--only")
        {
            Assert.StartsWith("apim-policy:", error);
        }
    }

    [Fact]
    public async Task Diff_of_an_empty_repository_path_exits_2_without_a_request()
    {
        var error = new StringWriter();

        var exit = await ApimPolicyCli.RunAsync(
            ["diff", "--subscription", ArmStandIn.Subscription, "--resource-group", ArmStandIn.ResourceGroup, "--service", ArmStandIn.Service,
             "--arm-endpoint", World.Arm.Endpoint.AbsoluteUri, "--repository", ""],
            new StringWriter(), error, new FakeCredential());

        Assert.Equal(2, exit);
        Assert.Contains("--repository must name a directory", error.ToString());
        Assert.Empty(World.Arm.Requests);
    }

    [Fact]
    public async Task An_unknown_environment_exits_2_without_a_request()
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);

        var (exit, _, error) = await Run("publish", "--environment", "staging");

        Assert.Equal(2, exit);
        Assert.Contains("unknown environment 'staging'", error);
        Assert.Empty(World.Arm.Requests);
    }

    [Fact]
    public async Task A_missing_required_option_exits_2()
    {
        var exit = await ApimPolicyCli.RunAsync(["publish", "--service", "apim"], new StringWriter(), new StringWriter(), new FakeCredential());

        Assert.Equal(2, exit);
    }

    [Fact]
    public async Task Pull_exits_0_and_writes_the_files()
    {
        World.Arm.SeedXml("policies/policy", TestRepository.CleanGlobal);
        var target = Path.Combine(World.Repository.Root, "pulled");

        var (exit, output, _) = await Run("pull", "--output", target);

        Assert.Equal(0, exit);
        Assert.True(File.Exists(Path.Combine(target, "policies", "global.xml")));
        Assert.Contains("wrote ", output);
    }

    [Fact]
    public async Task Pull_to_an_empty_output_exits_2_without_a_request()
    {
        var (exit, _, error) = await Run("pull", "--output", "");

        Assert.Equal(2, exit);
        Assert.Contains("--output must name a directory", error);
        Assert.Empty(World.Arm.Requests);
    }

    [Fact]
    public async Task Diff_exits_0_in_sync_and_1_on_drift()
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Arm.SeedXml("policies/policy", TestRepository.CleanGlobal);

        var inSync = await Run("diff");
        World.Arm.SeedXml("policyFragments/extra", TestRepository.Fragment("x"));
        var drifted = await Run("diff");

        Assert.Equal((0, "In sync: no drift."), (inSync.Exit, inSync.Error.Trim()));
        Assert.Equal(1, drifted.Exit);
        Assert.Contains("missing in repo      fragment extra", drifted.Output);
    }

    [Fact]
    public async Task Diff_exits_2_when_the_instance_cannot_be_read()
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Arm.Script(_ => true, ScriptedResponse.Error(403, "AuthorizationFailed", "no access"));

        var (exit, _, error) = await Run("diff");

        Assert.Equal(2, exit);
        Assert.Contains("HTTP 403 AuthorizationFailed: no access", error);
    }
}
