using ApimAiGateway.Delivery.Publishing;
using ApimAiGateway.Delivery.Tests.StandIn;

namespace ApimAiGateway.Delivery.Tests.Publishing;

/// <summary>Every way publish stops: it says what was and was not applied, and never leaves a later resource half-sent.</summary>
public sealed class PublishFailureTests : DeliveryTest
{
    private void WriteThreeResources()
    {
        World.Repository.Write("policies/named-values.json", """{"namedValues":[{"name":"nv","secret":false,"value":"1"}]}""");
        World.Repository.Write("fragments/stamp.xml", TestRepository.Fragment("x-stamp"));
        World.Repository.Write("policies/global.xml", TestRepository.Including("stamp"));
    }

    [Fact]
    public async Task A_409_stops_with_the_ARM_code_and_message_and_lists_what_was_applied()
    {
        WriteThreeResources();
        World.Arm.ScriptPut("policyFragments/stamp", ScriptedResponse.Error(409, "Conflict", "Fragment is referenced by a policy"));

        var report = await World.PublishAsync();
        var printed = DeliveryFixture.Print(report);

        Assert.Equal(PublishStatus.Stopped, report.Status);
        Assert.Equal([ResourceOutcome.Applied, ResourceOutcome.Failed, ResourceOutcome.NotApplied], report.Changes.Select(c => c.Outcome));
        Assert.Equal(["namedValues/nv", "policyFragments/stamp"], World.Arm.Puts.Select(p => p.Path));
        Assert.Contains("error: fragment stamp: HTTP 409 Conflict: Fragment is referenced by a policy", printed);
        Assert.Contains("Stopped. Applied: named value nv. Not applied: fragment stamp, global policy.", printed);
    }

    [Fact]
    public async Task A_412_says_the_resource_changed_concurrently_and_stops()
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Arm.SeedXml("policies/policy", TestRepository.Including("other"));
        World.Arm.ScriptPut("policies/policy", ScriptedResponse.Error(412, "PreconditionFailed", "ETag mismatch"));

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Stopped, report.Status);
        Assert.Contains("changed by someone else after it was read", Assert.Single(report.Problems));
        Assert.Equal(ResourceOutcome.Failed, Assert.Single(report.Changes).Outcome);
    }

    [Fact]
    public async Task The_stand_in_answers_412_itself_when_the_ETag_no_longer_matches()
    {
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Arm.SeedXml("policies/policy", TestRepository.Including("other"));
        // Someone else saves the policy between publish's GET and its PUT.
        World.Arm.Script(r => r.Method == "GET" && r.Path == "policies/policy", new ScriptedResponse(200,
            """{"properties":{"format":"rawxml","value":"<policies />"}}""") { Headers = new Dictionary<string, string> { ["ETag"] = "\"stale\"" } });

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Stopped, report.Status);
        Assert.Equal("\"stale\"", Assert.Single(World.Arm.Puts).IfMatch);
    }

    [Fact]
    public async Task Repeated_500s_are_retried_with_growing_waits_then_publish_gives_up()
    {
        WriteThreeResources();
        var failure = new ScriptedResponse(500, "<html><body>Internal Server Error</body></html>", "text/html");
        World.Arm.ScriptPut("namedValues/nv", failure, failure, failure);

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Stopped, report.Status);
        Assert.Equal(3, World.Arm.Puts.Count());
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], World.Waits);
        Assert.Contains("HTTP 500 with a body that is not an ARM error (not JSON)", Assert.Single(report.Problems));
        Assert.Contains("Applied: nothing. Not applied: named value nv, fragment stamp, global policy.", DeliveryFixture.Print(report));
    }

    [Fact]
    public async Task A_failed_long_running_operation_stops_with_its_error()
    {
        WriteThreeResources();
        var operation = new Uri(World.Arm.Endpoint, "/operations/op-9").AbsoluteUri;
        World.Arm.ScriptPut("namedValues/nv", new ScriptedResponse(201) { Headers = new Dictionary<string, string> { ["Azure-AsyncOperation"] = operation } });
        World.Arm.Script(r => r.Path == "/operations/op-9", new ScriptedResponse(200, """{"status":"Failed","error":{"code":"KeyVaultError","message":"vault unreachable"}}"""));

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Stopped, report.Status);
        Assert.Contains("the operation ended Failed: KeyVaultError: vault unreachable", Assert.Single(report.Problems));
        Assert.Single(World.Arm.Puts);
    }

    [Fact]
    public async Task An_operation_that_never_finishes_stops_after_the_poll_limit()
    {
        WriteThreeResources();
        var operation = new Uri(World.Arm.Endpoint, "/operations/op-slow").AbsoluteUri;
        World.Arm.ScriptPut("namedValues/nv", new ScriptedResponse(202) { Headers = new Dictionary<string, string> { ["Azure-AsyncOperation"] = operation } });
        World.Arm.Script(r => r.Path == "/operations/op-slow", Enumerable.Repeat(new ScriptedResponse(200, """{"status":"InProgress"}"""), 10).ToArray());

        var report = await World.PublishAsync();

        Assert.Contains("did not finish after 5 polls", Assert.Single(report.Problems));
        Assert.Equal(5, World.Arm.Requests.Count(r => r.Path == "/operations/op-slow"));
    }

    [Fact]
    public async Task A_202_pointing_at_another_host_is_refused_so_the_token_goes_nowhere_else()
    {
        WriteThreeResources();
        World.Arm.ScriptPut("namedValues/nv", new ScriptedResponse(202) { Headers = new Dictionary<string, string> { ["Azure-AsyncOperation"] = "https://attacker.example/op" } });

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Stopped, report.Status);
        Assert.Contains("not on", Assert.Single(report.Problems));
    }

    [Fact]
    public async Task A_lint_error_stops_publish_before_any_request()
    {
        World.Repository.Write("policies/global.xml", "<policies><inbound><set-hedaer name=\"a\" /></inbound><backend><forward-request /></backend><outbound /><on-error /></policies>");

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Invalid, report.Status);
        Assert.Contains(report.Diagnostics, d => d.Code == "AGW3001");
        Assert.Empty(World.Arm.Requests);
        Assert.Contains("nothing was sent to Azure", DeliveryFixture.Print(report));
    }

    [Fact]
    public async Task A_missing_secret_named_value_stops_publish_before_any_write()
    {
        World.Repository.Write("policies/named-values.json",
            """{"namedValues":[{"name":"plain","secret":false,"value":"1"},{"name":"api-key","secret":true,"keyVaultSecretName":"api-key"}]}""");
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Stopped, report.Status);
        Assert.Empty(World.Arm.Puts);
        Assert.Contains("named value api-key is not in the instance and publish does not create it", Assert.Single(report.Problems));
    }

    [Fact]
    public async Task A_live_secret_is_verified_and_never_sent()
    {
        World.Repository.Write("policies/named-values.json", """{"namedValues":[{"name":"api-key","secret":true,"keyVaultSecretName":"api-key"}]}""");
        World.Repository.Write("policies/global.xml", TestRepository.CleanGlobal);
        World.Arm.Seed("namedValues/api-key", new() { ["properties"] = new System.Text.Json.Nodes.JsonObject { ["secret"] = true } });

        var report = await World.PublishAsync();

        Assert.Equal(PublishStatus.Published, report.Status);
        Assert.Equal(ResourceAction.Verified, report.Changes[0].Action);
        Assert.DoesNotContain(World.Arm.Puts, p => p.Path.StartsWith("namedValues", StringComparison.Ordinal));
    }
}
