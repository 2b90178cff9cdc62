using ApimAiGateway.Harness.Scenarios.Loading;

namespace ApimAiGateway.Harness.Tests.Scenarios;

/// <summary>Scenario files as docs/scenarios.md describes them, and located diagnostics for every malformed one.</summary>
public sealed class ScenarioFileLoaderTests
{
    private static (string Code, int Line, int Column) Single(string yaml)
    {
        var file = ScenarioFileLoader.Parse(yaml, "s.yaml");
        var diagnostic = Assert.Single(file.Diagnostics);
        return (diagnostic.Code, diagnostic.Location.Line, diagnostic.Location.Column);
    }

    [Fact]
    public void A_full_step_is_read_with_its_request_and_expectations()
    {
        var file = ScenarioFileLoader.Parse("""
            subscriptions:
              - { id: team, product: gold }
            scenarios:
              - name: one
                steps:
                  - name: first
                    advance: 1.5m
                    request:
                      method: post
                      url: /chat
                      headers: { x-a: [one, two] }
                      body: { n: 1 }
                      subscription: team
                      ip: 10.0.0.1
                    expect:
                      status: 200
                      headers: { x-b: { matches: "^a" } }
                      body: { $.n: 1 }
                      variables: { v: { exists: false } }
                      backendCalls: 1
            """, "s.yaml");

        Assert.Empty(file.Diagnostics);
        var step = Assert.Single(Assert.Single(file.Scenarios).Steps);
        Assert.Equal(TimeSpan.FromSeconds(90), step.Advance);
        Assert.Equal(("POST", "/chat", "10.0.0.1", "team"), (step.Request.Call.Method, step.Request.Call.Url, step.Request.Call.IpAddress, step.Request.Subscription));
        Assert.Equal(["one", "two"], step.Request.Call.Headers.Select(h => h.Value));
        Assert.Equal("""{"n":1}""", System.Text.Encoding.UTF8.GetString(step.Request.Call.Body));
        Assert.Equal("application/json", step.Request.Call.ContentType);
        Assert.Equal(200, step.Expect.Status!.Value.Status);
        Assert.Equal("team-key", Assert.Single(file.Subscriptions).Definition.PrimaryKey);
    }

    [Fact]
    public void Malformed_yaml_is_located_by_the_parser() =>
        Assert.Equal(("AGW8002", 3, 1), Single("scenarios:\n  - name: [unclosed\n"));

    [Fact]
    public void A_mistyped_key_is_an_error_where_it_is_written() =>
        Assert.Equal(("AGW8004", 4, 7), Single("scenarios:\n  - name: a\n    steps:\n    - expct: {}\n      request: { url: / }\n"));

    [Fact]
    public void A_step_naming_an_undeclared_subscription_is_an_error() =>
        Assert.Equal(("AGW8007", 3, 49), Single("scenarios:\n  - name: a\n    steps: [ { request: { url: /, subscription: nobody } } ]\n"));

    [Theory]
    [InlineData("advance: soon", "AGW8003")]
    [InlineData("expect: { headers: { a: { matches: '[' } } }", "AGW8008")]
    [InlineData("expect: { body: { '$.[': 1 } }", "AGW8008")]
    [InlineData("expect: { status: 700 }", "AGW8003")]
    [InlineData("expect: { body: { $.a: { equal: 1 } } }", "AGW8004")]
    public void Bad_values_are_reported(string stepEntry, string code)
    {
        var file = ScenarioFileLoader.Parse($"scenarios:\n  - name: a\n    steps:\n      - request: {{ url: / }}\n        {stepEntry}\n", "s.yaml");

        Assert.Contains(file.Diagnostics, d => d.Code == code && d.Location.Line == 5);
    }

    [Fact]
    public void A_missing_or_binary_file_is_an_error_not_an_exception()
    {
        var missing = ScenarioFileLoader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "none.yaml"));
        var binary = ScenarioFileLoader.Parse("scenarios:\0", "s.yaml");

        Assert.Equal("AGW8001", Assert.Single(missing.Diagnostics).Code);
        Assert.Equal("AGW8001", Assert.Single(binary.Diagnostics).Code);
    }

    [Fact]
    public void Inline_services_are_checked_as_a_services_file_is() =>
        Assert.Equal(("AGW7006", 1, 27), Single("services: { b: { baseUrl: ftp://x, responses: [ { status: 200 } ] } }\nscenarios: []\n"));
}
