using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Services;
using ApimAiGateway.Harness.Services.Files;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Services;

public sealed class ServicesFileTests
{
    private const string Yaml = """
        services:
          aoai-eastus:
            baseUrl: https://aoai-eastus.example.com/openai
            responses:
              - method: POST
                path: /openai/deployments/{deployment}/chat/completions
                times: 2
                status: 429
                headers:
                  Retry-After: 10
                body: { error: { code: "429", message: Too many requests } }
              - method: POST
                path: /openai/deployments/*/chat/completions
                latencyMs: 250
                body:
                  choices: [{ index: 0, message: { role: assistant, content: hello } }]
                  usage: { total_tokens: 12 }
              - path: /openai/down/**
                fail: connection
              - path: /openai/slow
                fail: timeout
          plain:
            baseUrl: http://localhost:7071
            responses:
              - body: pong
        """;

    [Fact]
    public async Task A_yaml_file_declares_routed_services_whose_limited_rules_fall_through()
    {
        var file = ServicesFileLoader.Parse(Yaml, "services.yaml");
        var registry = new ServiceRegistry().Map(file);
        var chat = TestRequests.Post("https://aoai-eastus.example.com/openai/deployments/gpt-4o/chat/completions?api-version=1");

        var outcomes = new List<ServiceOutcome>();
        for (var i = 0; i < 3; i++)
        {
            outcomes.Add(await registry.SendAsync(chat));
        }

        Assert.Empty(file.Diagnostics);
        Assert.Equal([429, 429, 200], outcomes.Select(outcome => outcome.Response!.StatusCode));
        Assert.Equal("10", outcomes[0].Response!.Headers.GetValueOrDefault("retry-after"));
        Assert.Equal("429", outcomes[0].Response!.BodyAs<JObject>()!["error"]!["code"]!.Value<string>());
        Assert.Equal(TimeSpan.Zero, outcomes[0].Latency);
        var completion = outcomes[2].Response!.BodyAs<JObject>()!;
        Assert.Equal("hello", completion["choices"]![0]!["message"]!["content"]!.Value<string>());
        Assert.Equal(JTokenType.Integer, completion["usage"]!["total_tokens"]!.Type);
        Assert.Equal("application/json; charset=utf-8", outcomes[2].Response!.ContentType);
        Assert.Equal(TimeSpan.FromMilliseconds(250), outcomes[2].Latency);
        Assert.Equal(3, registry.Calls.ForService("aoai-eastus").Count);
    }

    [Fact]
    public async Task Failures_unmatched_requests_and_string_bodies()
    {
        var registry = new ServiceRegistry().Map(ServicesFileLoader.Parse(Yaml, "services.yaml"));

        var down = await registry.SendAsync(TestRequests.Get("https://aoai-eastus.example.com/openai/down/a/b"));
        var slow = await registry.SendAsync(TestRequests.Get("https://aoai-eastus.example.com/openai/slow"));
        var unmatched = await registry.SendAsync(TestRequests.Get("https://aoai-eastus.example.com/openai/other"));
        var pong = await registry.SendAsync(TestRequests.Get("http://localhost:7071/ping"));

        Assert.Equal(ServiceOutcomeKind.ConnectionFailure, down.Kind);
        Assert.Equal(ServiceOutcomeKind.Timeout, slow.Within(TimeSpan.FromSeconds(60)).Kind);
        Assert.Equal(404, unmatched.Response!.StatusCode);
        Assert.Contains("GET /openai/other", unmatched.Response.BodyText);
        Assert.Equal("pong", pong.Response!.BodyText);
        Assert.Equal("text/plain; charset=utf-8", pong.Response.ContentType);
    }

    [Fact]
    public async Task A_json_file_reads_like_yaml()
    {
        const string json = """
            {
              "services": {
                "backend": {
                  "baseUrl": "https://backend.example.com",
                  "responses": [
                    { "method": "get", "path": "/items/{id}", "status": 200, "headers": { "x-tag": ["a", "b"] },
                      "body": { "id": "42", "count": 3, "price": 1.5, "ok": true, "none": null } }
                  ]
                }
              }
            }
            """;

        var file = ServicesFileLoader.Parse(json, "services.json");
        var outcome = await new ServiceRegistry().Map(file).SendAsync(TestRequests.Get("https://backend.example.com/items/7"));

        Assert.Empty(file.Diagnostics);
        Assert.Equal("a,b", outcome.Response!.Headers.GetValueOrDefault("X-Tag"));
        Assert.Equal("""{"id":"42","count":3,"price":1.5,"ok":true,"none":null}""", outcome.Response.BodyText);
    }

    [Fact]
    public async Task Each_registry_gets_fresh_times_counts()
    {
        var file = ServicesFileLoader.Parse(Yaml, "services.yaml");
        var chat = TestRequests.Post("https://aoai-eastus.example.com/openai/deployments/gpt-4o/chat/completions");

        await new ServiceRegistry().Map(file).SendAsync(chat);
        var fresh = await new ServiceRegistry().Map(file).SendAsync(chat);

        Assert.Equal(429, fresh.Response!.StatusCode);
    }

    [Theory]
    [InlineData("services: [", "AGW7002", 2, 1)]
    [InlineData("- a\n- b", "AGW7003", 1, 1)]
    [InlineData("services: {}\nother: 1", "AGW7004", 2, 1)]
    [InlineData("services:\n  s:\n    responses: []", "AGW7005", 2, 3)]
    [InlineData("services:\n  s:\n    baseUrl: ftp://x\n    responses: [{ body: x }]", "AGW7006", 3, 14)]
    [InlineData("services:\n  s:\n    baseUrl: https://x\n    responses:\n      - status: 700", "AGW7003", 5, 17)]
    [InlineData("services:\n  s:\n    baseUrl: https://x\n    responses:\n      - tims: 2", "AGW7004", 5, 9)]
    [InlineData("services:\n  s:\n    baseUrl: https://x\n    responses:\n      - path: items", "AGW7008", 5, 15)]
    [InlineData("services:\n  s:\n    baseUrl: https://x\n    responses:\n      - fail: timeout\n        status: 500", "AGW7009", 5, 15)]
    [InlineData("services:\n  s:\n    baseUrl: https://x\n    responses:\n      - fail: dns", "AGW7003", 5, 15)]
    [InlineData("services:\n  s:\n    baseUrl: https://x\n    responses:\n      - times: 0", "AGW7003", 5, 16)]
    [InlineData("services:\n  s:\n    baseUrl: https://x\n    responses:\n      - latencyMs: -1", "AGW7003", 5, 20)]
    [InlineData("services:\n  s:\n    baseUrl: https://x\n    responses:\n      - method: 'GET /'", "AGW7003", 5, 17)]
    [InlineData("services:\n  a:\n    baseUrl: https://x/p\n    responses: [{ body: x }]\n  b:\n    baseUrl: https://X/p/\n    responses: [{ body: y }]", "AGW7007", 5, 3)]
    public void A_bad_file_yields_a_located_diagnostic(string text, string code, int line, int column)
    {
        var file = ServicesFileLoader.Parse(text, "bad.yaml");

        var diagnostic = Assert.Single(file.Diagnostics, d => d.IsError);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(new SourceLocation("bad.yaml", line, column), diagnostic.Location);
    }

    [Fact]
    public void Valid_services_survive_errors_in_others_and_a_broken_rule_is_dropped_whole()
    {
        const string text = """
            services:
              good:
                baseUrl: https://good.example.com
                responses:
                  - times: 1
                    body: once
                  - tmes: 1
                    body: typo
              bad:
                baseUrl: not a url
            """;

        var file = ServicesFileLoader.Parse(text, "mixed.yaml");

        var good = Assert.Single(file.Services);
        Assert.Equal("good", good.Name);
        Assert.Single(good.Rules);
        Assert.Equal(["AGW7004", "AGW7006"], file.Diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void A_service_without_responses_is_a_warning()
    {
        var file = ServicesFileLoader.Parse("services:\n  idle:\n    baseUrl: https://idle.example.com", "idle.yaml");

        Assert.False(file.HasErrors);
        Assert.Equal("AGW7010", Assert.Single(file.Diagnostics).Code);
        Assert.Single(file.Services);
    }

    [Fact]
    public void An_empty_file_declares_nothing_and_a_missing_file_is_a_diagnostic()
    {
        Assert.Empty(ServicesFileLoader.Parse("", "empty.yaml").Services);
        Assert.Empty(ServicesFileLoader.Parse("", "empty.yaml").Diagnostics);

        var missing = ServicesFileLoader.Load(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "services.yaml"));

        Assert.Equal("AGW7001", Assert.Single(missing.Diagnostics).Code);
    }

    [Fact]
    public void Loading_from_disk_reports_the_path()
    {
        var path = Path.Combine(Path.GetTempPath(), $"services-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "services:\n  s:\n    baseUrl: https://x\n    responses: 3");
        try
        {
            var file = ServicesFileLoader.Load(path);

            Assert.Equal(new SourceLocation(path, 4, 16), Assert.Single(file.Diagnostics).Location);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
