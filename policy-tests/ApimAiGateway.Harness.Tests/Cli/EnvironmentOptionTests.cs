using ApimAiGateway.Harness.Tests.Analysis;

namespace ApimAiGateway.Harness.Tests.Cli;

/// <summary>--environment on lint, run and check: the environment's values are used, and a wrong name is exit 2.</summary>
public sealed class EnvironmentOptionTests : IDisposable
{
    private readonly LintFixture _repo = new();
    private readonly string _global;

    public EnvironmentOptionTests()
    {
        _global = _repo.Write("policies/global.xml", """
            <policies>
              <inbound>
                <return-response>
                  <set-status code="200" reason="OK" />
                  <set-body>{{greeting}}</set-body>
                </return-response>
              </inbound>
              <backend><forward-request /></backend>
              <outbound />
              <on-error />
            </policies>
            """);
        _repo.Write("policies/named-values.json", """{ "namedValues": [ { "name": "greeting", "secret": false, "value": "hello" } ] }""");
        _repo.Write("policies/environments/dev.json", """{ "namedValues": {} }""");
        _repo.Write("policies/environments/prod.json", """{ "namedValues": { "greeting": "good day" } }""");
    }

    public void Dispose() => _repo.Dispose();

    private static Task<(int Exit, string Output, string Error)> Run(params string[] args) => CliRun.RunAsync([.. args, "--no-cache"]);

    [Theory]
    [InlineData("lint")]
    [InlineData("check")]
    [InlineData("run")]
    public async Task An_unknown_environment_exits_2_listing_the_environments(string verb)
    {
        var request = _repo.Write("request.json", """{ "url": "/" }""");
        string[] args = verb switch
        {
            "run" => ["run", "--request", request, "--global", _global],
            _ => [verb, _repo.Root],
        };

        var (exit, _, error) = await Run([.. args, "--environment", "staging"]);

        Assert.Equal(2, exit);
        Assert.Contains("apim-policy: unknown environment 'staging'; the environments are: dev, prod.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_uses_the_environments_value()
    {
        var request = _repo.Write("request.json", """{ "url": "/" }""");

        var (prodExit, prod, _) = await Run("run", "--request", request, "--global", _global, "--environment", "prod", "--format", "json");
        var (devExit, dev, _) = await Run("run", "--request", request, "--global", _global, "--environment", "dev", "--format", "json");

        Assert.Equal((0, 0), (prodExit, devExit));
        Assert.Contains("good day", prod, StringComparison.Ordinal);
        Assert.Contains("hello", dev, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_reports_a_wrong_environment_file_at_its_place_and_exits_1()
    {
        var prod = _repo.Write("policies/environments/prod.json", "{ \"namedValues\": {\n  \"greetng\": \"good day\" } }");

        var (exit, output, _) = await Run("lint", _repo.Root + "/policies", "--environment", "prod");
        var (cleanExit, _, _) = await Run("lint", _repo.Root + "/policies", "--environment", "dev");

        Assert.Equal((1, 0), (exit, cleanExit));
        Assert.Contains($"{prod}:2:3: error AGW2022: Named value 'greetng' is not declared in", output, StringComparison.Ordinal);
        Assert.Contains("Did you mean 'greeting'?", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_lints_with_the_environment()
    {
        _repo.Write("policies/environments/prod.json", """{ "namedValues": { "greeting": 7 } }""");

        var (exit, output, _) = await Run("check", _repo.Root, "--environment", "prod");
        var (cleanExit, _, _) = await Run("check", _repo.Root, "--environment", "dev");

        Assert.Equal((1, 0), (exit, cleanExit));
        Assert.Contains("error AGW2024", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_environment_outside_a_repository_exits_2()
    {
        using var elsewhere = new LintFixture();
        var policy = elsewhere.Write("p.xml", "<policies><inbound /><backend /><outbound /><on-error /></policies>");

        var (exit, _, error) = await Run("lint", policy, "--environment", "dev");

        Assert.Equal(2, exit);
        Assert.Contains("--environment needs a repository", error, StringComparison.Ordinal);
    }
}
