using System.Text.Json.Nodes;
using ApimAiGateway.Delivery.Publishing;
using ApimAiGateway.Delivery.Tests.StandIn;

namespace ApimAiGateway.Delivery.Tests.Publishing;

/// <summary>What publish sends, in which order, with which bodies and preconditions, against the ARM stand-in.</summary>
public sealed class PublishOrderTests : DeliveryTest
{
    private void WriteGateway()
    {
        World.Repository.Write("policies/named-values.json", """{"namedValues":[{"name":"api-version","secret":false,"value":"2024-10-21"}]}""");
        World.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        World.Repository.Write("policies/global.xml", TestRepository.Including("stamp"));
        World.Repository.Write("policies/products/starter.xml", TestRepository.CleanGlobal.Replace("<inbound />", "<inbound><base /></inbound>"));
        World.Repository.Write("policies/apis/openai/api.xml", TestRepository.CleanGlobal.Replace("<inbound />", "<inbound><base /></inbound>"));
    }

    [Fact]
    public async Task Resources_go_out_in_dependency_order_named_values_fragments_then_policies_by_scope()
    {
        WriteGateway();

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(
            ["namedValues/api-version", "policyFragments/stamp", "policies/policy", "products/starter/policies/policy", "apis/openai/policies/policy"],
            World.Arm.Puts.Select(p => p.Path));
        Assert.All(report.Changes, c => Assert.Equal(ResourceOutcome.Applied, c.Outcome));
    }

    [Fact]
    public async Task Bodies_are_the_ARM_shapes_with_raw_xml_and_the_fragment_summary_as_description()
    {
        WriteGateway();

        await World.PublishAsync();

        var namedValue = JsonNode.Parse(World.Arm.Puts.Single(p => p.Path == "namedValues/api-version").Body)!["properties"]!;
        Assert.Equal(("api-version", "2024-10-21", false),
            (namedValue["displayName"]!.GetValue<string>(), namedValue["value"]!.GetValue<string>(), namedValue["secret"]!.GetValue<bool>()));
        var fragment = JsonNode.Parse(World.Arm.Puts.Single(p => p.Path == "policyFragments/stamp").Body)!["properties"]!;
        Assert.Equal("rawxml", fragment["format"]!.GetValue<string>());
        Assert.Equal(TestRepository.Fragment("x-stamp"), fragment["value"]!.GetValue<string>());
        Assert.Equal("Sets x-stamp.", fragment["description"]!.GetValue<string>());
        var global = JsonNode.Parse(World.Arm.Puts.Single(p => p.Path == "policies/policy").Body)!["properties"]!;
        Assert.Equal(("rawxml", TestRepository.Including("stamp")), (global["format"]!.GetValue<string>(), global["value"]!.GetValue<string>()));
        Assert.All(World.Arm.Requests, r => Assert.Contains("api-version=2024-05-01", r.Query));
    }

    // GET policy and GET policy fragment take a format query parameter (rawxml returns the document unescaped):
    // Learn REST reference Policy - Get; Pulumi azure-native getPolicyFragment's 'format' argument.
    [Fact]
    public async Task Policies_are_read_as_raw_xml_and_every_call_carries_the_bearer_token()
    {
        WriteGateway();

        var report = await World.PublishAsync();

        Assert.Contains(World.Arm.Requests, r => r.Method == "GET" && r.Path == "policies/policy" && r.Query.Contains("format=rawxml"));
        Assert.All(World.Arm.Requests, r => Assert.Equal($"Bearer {FakeCredential.Token}", r.Authorization));
        Assert.DoesNotContain(FakeCredential.Token, DeliveryFixture.Print(report));
    }

    // Learn REST reference, Policy - Create Or Update (and the policy fragment, API and operation policy pages):
    // "If-Match: ETag of the Entity. Not required when creating an entity, but required when updating an entity."
    [Fact]
    public async Task A_create_sends_no_If_Match_and_an_update_sends_the_ETag_it_read()
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        var etag = World.Arm.SeedXml("policies/policy", TestRepository.CleanGlobal.Replace("<outbound />", "<outbound><base /></outbound>"));

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Null(World.Arm.Puts.Single(p => p.Path == "policyFragments/stamp").IfMatch);
        Assert.Equal(etag, World.Arm.Puts.Single(p => p.Path == "policies/policy").IfMatch);
        Assert.Equal([ResourceAction.Create, ResourceAction.Update], report.Changes.Select(c => c.Action));
    }

    [Fact]
    public async Task Unchanged_resources_are_not_sent_even_when_laid_out_differently()
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        World.Arm.SeedXml("policies/policy", "<policies>\r\n  <inbound />\r\n  <backend>\r\n    <forward-request />\r\n  </backend>\r\n  <outbound />\r\n  <on-error />\r\n</policies>");
        World.Arm.SeedXml("policyFragments/stamp", TestRepository.Fragment("x-stamp").Replace("name=\"x-stamp\" exists-action=\"override\"", "exists-action='override'   name='x-stamp'"), "Sets x-stamp.");

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Empty(World.Arm.Puts);
        Assert.All(report.Changes, c => Assert.Equal(ResourceAction.Unchanged, c.Action));
        Assert.Contains("Published: 2 unchanged.", DeliveryFixture.Print(report));
    }

    [Fact]
    public async Task A_202_is_followed_until_the_operation_succeeds_before_the_next_resource_is_sent()
    {
        World.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        World.Repository.Write("policies/global.xml", TestRepository.Including("stamp"));
        var operation = new Uri(World.Arm.Endpoint, "/operations/op-1").AbsoluteUri;
        World.Arm.ScriptPut("policyFragments/stamp", new ScriptedResponse(202) { Apply = true, Headers = new Dictionary<string, string> { ["Azure-AsyncOperation"] = operation, ["Retry-After"] = "3" } });
        World.Arm.Script(r => r.Path == "/operations/op-1",
            new ScriptedResponse(200, """{"status":"InProgress"}"""),
            new ScriptedResponse(200, """{"status":"Succeeded"}"""));

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(["PUT policyFragments/stamp", "GET /operations/op-1", "GET /operations/op-1", "PUT policies/policy"],
            World.Arm.Requests.Where(r => r.Method == "PUT" || r.Path.StartsWith("/operations")).Select(r => r.ToString()));
        Assert.Equal(TimeSpan.FromSeconds(3), World.Waits[0]);
    }

    [Fact]
    public async Task A_Location_header_is_followed_while_it_answers_202()
    {
        World.Repository.Write("policies/named-values.json", """{"namedValues":[{"name":"nv","secret":false,"value":"1"}]}""");
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        var location = new Uri(World.Arm.Endpoint, "/operations/loc-1").AbsoluteUri;
        World.Arm.ScriptPut("namedValues/nv", new ScriptedResponse(202) { Apply = true, Headers = new Dictionary<string, string> { ["Location"] = location } });
        World.Arm.Script(r => r.Path == "/operations/loc-1", new ScriptedResponse(202), new ScriptedResponse(200, "{}"));

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(2, World.Arm.Requests.Count(r => r.Path == "/operations/loc-1"));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_wait_Retry_After_asks_for()
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Arm.ScriptPut("policies/policy", new ScriptedResponse(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""")
        {
            Headers = new Dictionary<string, string> { ["Retry-After"] = "17" },
        });

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(2, World.Arm.Puts.Count());
        Assert.Equal([TimeSpan.FromSeconds(17)], World.Waits);
    }

    [Fact]
    public async Task The_named_values_passed_in_replace_the_repository_file()
    {
        World.Repository.Write("policies/named-values.json", """{"namedValues":[{"name":"api-version","secret":false,"value":"2024-10-21"}]}""");
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        var production = World.Repository.Write("environments/prod.json", """{"namedValues":[{"name":"api-version","secret":false,"value":"2025-01-01"}]}""");

        await World.PublishAsync(new PublishRequest(World.Repository.Root) { Load = new() { NamedValuesFile = production } });

        var sent = JsonNode.Parse(World.Arm.Puts.Single(p => p.Path == "namedValues/api-version").Body)!;
        Assert.Equal("2025-01-01", sent["properties"]!["value"]!.GetValue<string>());
    }
}
