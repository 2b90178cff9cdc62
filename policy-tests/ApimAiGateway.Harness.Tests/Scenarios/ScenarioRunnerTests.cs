using ApimAiGateway.Harness.Scenarios.Loading;
using ApimAiGateway.Harness.Scenarios.Reporting;
using ApimAiGateway.Harness.Scenarios.Running;
using ApimAiGateway.Harness.Tests.Analysis;

namespace ApimAiGateway.Harness.Tests.Scenarios;

/// <summary>Scenarios run against fresh gateways built from the repository they live in.</summary>
public sealed class ScenarioRunnerTests : IDisposable
{
    private const string Services = """
        services:
          backend:
            baseUrl: https://api.backend.invalid
            responses:
              - times: 1
                headers: { x-served: once }
                body: { items: [a, b], text: hello world }
              - status: 503

        """;

    private readonly LintFixture _repo = new();

    public ScenarioRunnerTests()
    {
        _repo.Write("policies/global.xml", """
            <policies>
              <inbound>
                <set-variable name="seen" value="@(context.Request.Headers.GetValueOrDefault("x-in", "none"))" />
              </inbound>
              <backend><forward-request /></backend>
              <outbound>
                <set-header name="x-time" exists-action="override"><value>@(context.Timestamp.ToString("HH:mm:ss"))</value></set-header>
              </outbound>
              <on-error />
            </policies>
            """);
        _repo.Write("policies/apis/api/api.json", """{ "subscriptionRequired": false }""");
    }

    public void Dispose() => _repo.Dispose();

    private async Task<ScenarioFileResult> Run(string yaml)
    {
        var file = ScenarioFileLoader.Load(_repo.Write("policy-tests/scenarios/s.yaml", yaml));
        return await new ScenarioRunner().RunAsync(file);
    }

    [Fact]
    public async Task Steps_run_in_order_on_the_virtual_clock_and_every_kind_of_expectation_is_checked()
    {
        var result = await Run(Services + """
            scenarios:
              - name: twice
                steps:
                  - request: { url: /api/x, headers: { x-in: yes } }
                    expect:
                      status: 200
                      headers: { x-served: once, X-Missing: { exists: false } }
                      body: { $.items: { contains: b }, $.text: { matches: "^hello" }, "$.items[*]": [a, b] }
                      variables: { seen: "yes" }
                      backendCalls: 1
                  - advance: 30s
                    request: { url: /api/x }
                    expect:
                      status: 503
                      bodyText: { exists: false }
            """);

        var scenario = Assert.Single(result.Scenarios);
        Assert.True(scenario.Passed, string.Join("\n", scenario.Failure?.Failures ?? []));
        Assert.Equal(2, scenario.StepsRun);
    }

    [Fact]
    public async Task Each_scenario_gets_a_fresh_gateway()
    {
        var result = await Run(Services + """
            scenarios:
              - name: first
                steps: [ { request: { url: /api/x }, expect: { status: 200 } } ]
              - name: second
                steps: [ { request: { url: /api/x }, expect: { status: 200, headers: { x-time: "00:00:00" } } } ]
            """);

        Assert.True(result.Failed == 0, string.Join("\n", result.Scenarios.SelectMany(s => s.Failure?.Failures ?? []).Select(f => f.Subject + " " + f.Expected + " " + f.Actual)));
        Assert.Equal((2, 0), (result.Passed, result.Failed));
    }

    [Fact]
    public async Task A_failure_shows_expected_versus_actual_and_the_trace_and_stops_the_scenario()
    {
        var result = await Run(Services + """
            scenarios:
              - name: wrong
                steps:
                  - advance: 1m
                    request: { url: /api/x }
                    expect: { status: 201, headers: { x-time: "00:00:00" }, body: { $.text: hello } }
                  - request: { url: /api/x }
            """);
        var report = new StringWriter();
        ScenarioReportWriter.Write(report, result);

        var failure = Assert.Single(result.Scenarios).Failure!;
        Assert.Equal(1, result.Scenarios[0].StepsRun);
        Assert.Equal(
            ["s.yaml:14:27: status: expected 201, actual 200 OK", "s.yaml:14:51: header 'x-time': expected \"00:00:00\", actual \"00:01:00\"", "s.yaml:14:81: body $.text: expected \"hello\", actual \"hello world\""],
            failure.Failures.Select(f => f.ToString()[(f.ToString().IndexOf("s.yaml", StringComparison.Ordinal))..]));
        Assert.Contains("FAIL wrong", report.ToString(), StringComparison.Ordinal);
        Assert.Contains("inbound set-variable: variable 'seen' = \"none\"", report.ToString(), StringComparison.Ordinal);
        Assert.Equal("0 passed, 1 failed", ScenarioReportWriter.Summary([result]));
    }

    [Fact]
    public async Task Policy_errors_fail_the_scenario_with_their_located_diagnostics()
    {
        _repo.Write("policies/apis/api/api.xml", "<policies><inbound><set-hedaer /></inbound><backend><base /></backend><outbound /><on-error /></policies>");

        var result = await Run("scenarios:\n  - name: a\n    steps: [ { request: { url: /api/x } } ]\n");

        var scenario = Assert.Single(result.Scenarios);
        Assert.False(scenario.Passed);
        Assert.Contains(scenario.BuildDiagnostics, d => d.Code == "AGW3001");
    }

    [Fact]
    public async Task A_subscription_to_an_undefined_product_is_an_input_error()
    {
        var result = await Run("subscriptions: [ { id: s, product: nope } ]\nscenarios: []\n");

        Assert.True(result.HasInputErrors);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(("AGW8007", 1, 36), (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column));
    }

    [Fact]
    public async Task Subscriptions_to_scenario_products_identify_the_caller_by_key()
    {
        _repo.Write("policies/apis/api/api.json", """{ "subscriptionKeyParameterNames": { "header": "api-key", "query": "api-key" } }""");

        var result = await Run(Services + """
            products: [ { id: gold } ]
            subscriptions: [ { id: team, key: secret, product: gold, user: { id: ann, groups: [dev] } } ]
            scenarios:
              - name: keyed
                steps:
                  - request: { url: /api/x, headers: { api-key: secret } }
                    expect: { status: 200 }
                  - request: { url: "/api/x?api-key=wrong" }
                    expect: { status: 401 }
                  - request: { url: /api/x, subscription: team }
                    expect: { status: 503 }
            """);

        Assert.True(Assert.Single(result.Scenarios).Passed);
    }
}
