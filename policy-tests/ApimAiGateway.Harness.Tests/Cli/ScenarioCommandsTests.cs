using System.Text.Json;
using ApimAiGateway.Harness.Tests.Analysis;

namespace ApimAiGateway.Harness.Tests.Cli;

/// <summary>apim-policy run, test and check as users drive them: output, exit codes, and bad input that never crashes them.</summary>
public sealed class ScenarioCommandsTests : IDisposable
{
    private const string Scenario = """
        services:
          backend:
            baseUrl: https://api.backend.invalid
            responses: [ { body: { answer: 42 } } ]
        scenarios:
          - name: forwards
            steps:
              - request: { url: /api/q }
                expect: { status: 200, body: { $.answer: EXPECTED } }
        """;

    private readonly LintFixture _repo = new();

    public ScenarioCommandsTests()
    {
        _repo.Write("policies/global.xml", "<policies><inbound /><backend><forward-request /></backend><outbound /><on-error /></policies>");
        _repo.Write("policies/apis/api/api.json", """{ "subscriptionRequired": false }""");
    }

    public void Dispose() => _repo.Dispose();

    private static Task<(int Exit, string Output, string Error)> Run(params string[] args) => CliRun.RunAsync([.. args, "--no-cache"]);

    private string WriteScenario(int expected) => _repo.Write("policy-tests/scenarios/a.yaml", Scenario.Replace("EXPECTED", expected.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

    [Fact]
    public async Task Test_passes_with_exit_0_and_ends_with_the_count()
    {
        var file = WriteScenario(42);

        var (exit, output, _) = await Run("test", file);

        Assert.Equal(0, exit);
        Assert.Equal("1 passed, 0 failed", output.TrimEnd().Split('\n')[^1]);
    }

    [Fact]
    public async Task Test_failures_exit_1_showing_expected_versus_actual()
    {
        WriteScenario(41);

        var (exit, output, _) = await Run("test", Path.Combine(_repo.Root, "policy-tests", "scenarios"));

        Assert.Equal(1, exit);
        Assert.Contains("body $.answer: expected 41, actual 42", output, StringComparison.Ordinal);
        Assert.Equal("0 passed, 1 failed", output.TrimEnd().Split('\n')[^1]);
    }

    [Theory]
    [InlineData("scenarios: [ {")]
    [InlineData("scenarios:\n  - name: a\n    stepz: []\n")]
    [InlineData("\0\0")]
    public async Task Test_bad_files_exit_2_with_a_located_error(string content)
    {
        var file = _repo.Write("policy-tests/scenarios/bad.yaml", content);

        var (exit, output, error) = await Run("test", file);

        Assert.Equal(2, exit);
        Assert.Matches(@"bad\.yaml:\d+:\d+: error AGW80\d\d", output);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_of_a_missing_path_exits_2()
    {
        var (exit, output, _) = await Run("test", Path.Combine(_repo.Root, "nothing-here"));

        Assert.Equal(2, exit);
        Assert.Contains("AGW9001", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_prints_the_outcome_as_json_with_every_documented_field()
    {
        var policy = _repo.Write("p.xml", """<policies><inbound><set-variable name="v" value="@(context.Product.Id)" /><return-response><set-status code="202" reason="Accepted" /><set-body>{"ok":true}</set-body></return-response></inbound><backend /><outbound /><on-error /></policies>""");
        var request = _repo.Write("request.json", """{ "method": "POST", "url": "/x", "body": { "a": 1 }, "product": "gold" }""");

        var (exit, output, _) = await Run("run", "--request", request, "--product", policy, "--format", "json");

        Assert.Equal(0, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(202, json.GetProperty("status").GetInt32());
        Assert.True(json.GetProperty("body").GetProperty("ok").GetBoolean());
        Assert.Equal("gold", json.GetProperty("variables").GetProperty("v").GetString());
        Assert.Equal(JsonValueKind.Object, json.GetProperty("headers").ValueKind);
        Assert.Equal(0, json.GetProperty("backendCalls").GetArrayLength());
        Assert.Contains(json.GetProperty("trace").EnumerateArray(), t => t.GetProperty("policy").GetString() == "return-response");
    }

    [Fact]
    public async Task Run_as_text_reaches_the_services_file_backend()
    {
        var services = _repo.Write("services.yaml", "services:\n  b:\n    baseUrl: https://api.backend.invalid\n    responses: [ { body: pong } ]\n");
        var request = _repo.Write("request.json", """{ "url": "/ping" }""");

        var (exit, output, _) = await Run("run", "--request", request, "--global", Path.Combine(_repo.Root, "policies", "global.xml"), "--services", services);

        Assert.Equal(0, exit);
        Assert.StartsWith("200 OK", output, StringComparison.Ordinal);
        Assert.Contains("GET https://api.backend.invalid/ping -> 200", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"method\": \"GET\" }", "AGW8005")]
    [InlineData("{ \"url\": ", "AGW8002")]
    [InlineData("{ \"url\": \"/\", \"colour\": 1 }", "AGW8004")]
    public async Task Run_with_a_bad_request_file_exits_2(string content, string code)
    {
        var request = _repo.Write("request.json", content);

        var (exit, _, error) = await Run("run", "--request", request, "--global", Path.Combine(_repo.Root, "policies", "global.xml"));

        Assert.Equal(2, exit);
        Assert.Matches(@"request\.json:\d+:\d+: error", error);
        Assert.Contains(code, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_with_policy_errors_exits_1_and_missing_policy_files_exit_2()
    {
        var broken = _repo.Write("broken.xml", "<policies><inbound><set-hedaer /></inbound><backend /><outbound /><on-error /></policies>");
        var request = _repo.Write("request.json", """{ "url": "/" }""");

        var (brokenExit, _, brokenError) = await Run("run", "--request", request, "--api", broken);
        var (missingExit, _, missingError) = await Run("run", "--request", request, "--api", Path.Combine(_repo.Root, "none.xml"));

        Assert.Equal((1, 2), (brokenExit, missingExit));
        Assert.Contains("broken.xml:1:20: error AGW3001", brokenError, StringComparison.Ordinal);
        Assert.Contains("AGW9001", missingError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_lints_and_tests_the_repository_and_prints_the_table()
    {
        WriteScenario(42);

        var (exit, output, _) = await Run("check", _repo.Root);

        Assert.Equal(0, exit);
        Assert.Matches(@"lint\s+1\s+1\s+0\s+\d+ ms", output);
        Assert.Matches(@"test\s+1\s+1\s+0\s+\d+ ms", output);
    }

    [Fact]
    public async Task Check_exits_1_when_a_scenario_or_a_policy_fails_and_2_without_a_repository()
    {
        WriteScenario(41);

        var (failing, output, _) = await Run("check", _repo.Root);
        var (noRepository, _, error) = await Run("check", Path.Combine(_repo.Root, "policy-tests"));

        Assert.Equal((1, 2), (failing, noRepository));
        Assert.Matches(@"test\s+1\s+0\s+1", output);
        Assert.Contains("no repository", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_repositorys_own_scenarios_pass()
    {
        var repository = ThisRepository.Root;

        var (exit, output, _) = await Run("test", Path.Combine(repository, "policy-tests", "scenarios"));

        Assert.Equal(0, exit);
        Assert.EndsWith("0 failed", output.TrimEnd(), StringComparison.Ordinal);
    }
}
