using System.Text.Json.Nodes;
using ApimAiGateway.Delivery.Publishing;
using ApimAiGateway.Delivery.Tests.StandIn;

namespace ApimAiGateway.Delivery.Tests.Publishing;

/// <summary>What publish sends, in which order, with which bodies and preconditions, against the ARM stand-in.</summary>
public sealed class PublishOrderTests : IAsyncLifetime
{
    private readonly DeliveryFixture _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    private void WriteGateway()
    {
        _world.Repository.Write("policies/named-values.json", """{"namedValues":[{"name":"api-version","secret":false,"value":"2024-10-21"}]}""");
        _world.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        _world.Repository.Write("policies/global.xml", TestRepository.Including("stamp"));
        _world.Repository.Write("policies/products/starter.xml", TestRepository.CleanGlobal.Replace("<inbound />", "<inbound><base /></inbound>"));
        _world.Repository.Write("policies/apis/openai/api.xml", TestRepository.CleanGlobal.Replace("<inbound />", "<inbound><base /></inbound>"));
    }

    [Fact]
    public async Task Resources_go_out_in_dependency_order_named_values_fragments_then_policies_by_scope()
    {
        WriteGateway();

        var report = await _world.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(
            ["namedValues/api-version", "policyFragments/stamp", "policies/policy", "products/starter/policies/policy", "apis/openai/policies/policy"],
            _world.Arm.Puts.Select(p => p.Path));
        Assert.All(report.Changes, c => Assert.Equal(ResourceOutcome.Applied, c.Outcome));
    }

    [Fact]
    public async Task Bodies_are_the_ARM_shapes_with_raw_xml_and_the_fragment_summary_as_description()
    {
        WriteGateway();

        await _world.PublishAsync();

        var namedValue = JsonNode.Parse(_world.Arm.Puts.Single(p => p.Path == "namedValues/api-version").Body)!["properties"]!;
        Assert.Equal(("api-version", "2024-10-21", false),
            (namedValue["displayName"]!.GetValue<string>(), namedValue["value"]!.GetValue<string>(), namedValue["secret"]!.GetValue<bool>()));
        var fragment = JsonNode.Parse(_world.Arm.Puts.Single(p => p.Path == "policyFragments/stamp").Body)!["properties"]!;
        Assert.Equal("rawxml", fragment["format"]!.GetValue<string>());
        Assert.Equal(TestRepository.Fragment("x-stamp"), fragment["value"]!.GetValue<string>());
        Assert.Equal("Sets x-stamp.", fragment["description"]!.GetValue<string>());
        var global = JsonNode.Parse(_world.Arm.Puts.Single(p => p.Path == "policies/policy").Body)!["properties"]!;
        Assert.Equal(("rawxml", TestRepository.Including("stamp")), (global["format"]!.GetValue<string>(), global["value"]!.GetValue<string>()));
        Assert.All(_world.Arm.Requests, r => Assert.Contains("api-version=2024-05-01", r.Query));
    }

    [Fact]
    public async Task Policies_are_read_as_raw_xml_and_every_call_carries_the_bearer_token()
    {
        WriteGateway();

        var report = await _world.PublishAsync();

        Assert.Contains(_world.Arm.Requests, r => r.Method == "GET" && r.Path == "policies/policy" && r.Query.Contains("format=rawxml"));
        Assert.All(_world.Arm.Requests, r => Assert.Equal($"Bearer {FakeCredential.Token}", r.Authorization));
        Assert.DoesNotContain(FakeCredential.Token, DeliveryFixture.Print(report));
    }

    [Fact]
    public async Task A_create_sends_no_If_Match_and_an_update_sends_the_ETag_it_read()
    {
        _world.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        _world.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        var etag = _world.Arm.SeedXml("policies/policy", TestRepository.CleanGlobal.Replace("<outbound />", "<outbound><base /></outbound>"));

        var report = await _world.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Null(_world.Arm.Puts.Single(p => p.Path == "policyFragments/stamp").IfMatch);
        Assert.Equal(etag, _world.Arm.Puts.Single(p => p.Path == "policies/policy").IfMatch);
        Assert.Equal([ResourceAction.Create, ResourceAction.Update], report.Changes.Select(c => c.Action));
    }

    [Fact]
    public async Task Unchanged_resources_are_not_sent_even_when_laid_out_differently()
    {
        _world.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        _world.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        _world.Arm.SeedXml("policies/policy", "<policies>\r\n  <inbound />\r\n  <backend>\r\n    <forward-request />\r\n  </backend>\r\n  <outbound />\r\n  <on-error />\r\n</policies>");
        _world.Arm.SeedXml("policyFragments/stamp", TestRepository.Fragment("x-stamp").Replace("name=\"x-stamp\" exists-action=\"override\"", "exists-action='override'   name='x-stamp'"), "Sets x-stamp.");

        var report = await _world.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Empty(_world.Arm.Puts);
        Assert.All(report.Changes, c => Assert.Equal(ResourceAction.Unchanged, c.Action));
        Assert.Contains("Published: 2 unchanged.", DeliveryFixture.Print(report));
    }

    [Fact]
    public async Task A_202_is_followed_until_the_operation_succeeds_before_the_next_resource_is_sent()
    {
        _world.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        _world.Repository.Write("policies/global.xml", TestRepository.Including("stamp"));
        var operation = new Uri(_world.Arm.Endpoint, "/operations/op-1").AbsoluteUri;
        _world.Arm.ScriptPut("policyFragments/stamp", new ScriptedResponse(202) { Apply = true, Headers = new Dictionary<string, string> { ["Azure-AsyncOperation"] = operation, ["Retry-After"] = "3" } });
        _world.Arm.Script(r => r.Path == "/operations/op-1",
            new ScriptedResponse(200, """{"status":"InProgress"}"""),
            new ScriptedResponse(200, """{"status":"Succeeded"}"""));

        var report = await _world.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(["PUT policyFragments/stamp", "GET /operations/op-1", "GET /operations/op-1", "PUT policies/policy"],
            _world.Arm.Requests.Where(r => r.Method == "PUT" || r.Path.StartsWith("/operations")).Select(r => r.ToString()));
        Assert.Equal(TimeSpan.FromSeconds(3), _world.Waits[0]);
    }

    [Fact]
    public async Task A_Location_header_is_followed_while_it_answers_202()
    {
        _world.Repository.Write("policies/named-values.json", """{"namedValues":[{"name":"nv","secret":false,"value":"1"}]}""");
        _world.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        var location = new Uri(_world.Arm.Endpoint, "/operations/loc-1").AbsoluteUri;
        _world.Arm.ScriptPut("namedValues/nv", new ScriptedResponse(202) { Apply = true, Headers = new Dictionary<string, string> { ["Location"] = location } });
        _world.Arm.Script(r => r.Path == "/operations/loc-1", new ScriptedResponse(202), new ScriptedResponse(200, "{}"));

        var report = await _world.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(2, _world.Arm.Requests.Count(r => r.Path == "/operations/loc-1"));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_wait_Retry_After_asks_for()
    {
        _world.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        _world.Arm.ScriptPut("policies/policy", new ScriptedResponse(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""")
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = "17" },
        });

        var report = await _world.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(2, _world.Arm.Puts.Count());
        Assert.Equal([TimeSpan.FromSeconds(17)], _world.Waits);
    }
}
