using ApimAiGateway.Delivery.Arm;
using ApimAiGateway.Delivery.Tests.StandIn;
using Azure.Core;
using Azure.Identity;

namespace ApimAiGateway.Delivery.Tests.Arm;

/// <summary>The client's own edges: sign-in failures, unreachable endpoints, token scope.</summary>
public sealed class ArmClientTests : DeliveryTest
{
    private sealed class FailingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new CredentialUnavailableException("DefaultAzureCredential failed to retrieve a token from the included credentials.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new CredentialUnavailableException("DefaultAzureCredential failed to retrieve a token from the included credentials.");
    }

    [Fact]
    public async Task A_sign_in_failure_is_a_clear_error_and_no_request_is_sent()
    {
        using var client = new ArmClient(DeliveryFixture.Service, new FailingCredential(), new ArmClientOptions { Endpoint = World.Arm.Endpoint });

        var failure = await Assert.ThrowsAsync<ArmRequestException>(() => client.GetAsync("policies/policy", rawXml: true, CancellationToken.None));

        Assert.StartsWith("could not sign in to Azure: DefaultAzureCredential failed", failure.Message);
        Assert.Empty(World.Arm.Requests);
    }

    [Fact]
    public async Task The_token_is_asked_for_the_endpoint_scope_once_and_reused()
    {
        var credential = new FakeCredential();
        using var client = new ArmClient(DeliveryFixture.Service, credential, new ArmClientOptions { Endpoint = World.Arm.Endpoint });

        await client.GetAsync("policies/policy", rawXml: true, CancellationToken.None);
        await client.GetAsync("policies/policy", rawXml: true, CancellationToken.None);

        Assert.Equal([new Uri(World.Arm.Endpoint, "/.default").AbsoluteUri], credential.RequestedScopes);
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_is_retried_then_reported()
    {
        // A stand-in that has stopped: its port no longer answers.
        var stopped = await ArmStandIn.StartAsync();
        var gone = stopped.Endpoint;
        await stopped.DisposeAsync();
        using var client = new ArmClient(DeliveryFixture.Service, new FakeCredential(), new ArmClientOptions
        {
            Endpoint = gone,
            MaxAttempts = 2,
            Delay = (_, _) => Task.CompletedTask,
        });

        var failure = await Assert.ThrowsAsync<ArmRequestException>(() => client.GetAsync("policies/policy", rawXml: true, CancellationToken.None));

        Assert.Contains("no answer after 2 attempt(s)", failure.Message);
    }

    [Fact]
    public async Task Lists_follow_nextLink_on_the_same_endpoint()
    {
        var next = new Uri(World.Arm.Endpoint, "/page-2").AbsoluteUri;
        World.Arm.Script(r => r.Path == "products", new ScriptedResponse(200, $$"""{"value":[{"name":"a"}],"nextLink":"{{next}}"}"""));
        World.Arm.Script(r => r.Path == "/page-2", new ScriptedResponse(200, """{"value":[{"name":"b"}]}"""));
        using var client = World.Client();

        var items = await client.ListAsync("products", CancellationToken.None);

        Assert.Equal(["a", "b"], items.Select(i => i["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_nextLink_that_leads_back_to_a_page_already_read_is_refused_instead_of_paging_forever()
    {
        var next = new Uri(World.Arm.Endpoint, "/page-2").AbsoluteUri;
        World.Arm.Script(r => r.Path == "products", new ScriptedResponse(200, $$"""{"value":[{"name":"a"}],"nextLink":"{{next}}"}"""));
        World.Arm.Script(r => r.Path == "/page-2", new ScriptedResponse(200, $$"""{"value":[{"name":"b"}],"nextLink":"{{next}}"}"""));
        using var client = World.Client();

        var failure = await Assert.ThrowsAsync<ArmRequestException>(() => client.ListAsync("products", CancellationToken.None));

        Assert.Contains("leads back to a page already read", failure.Message);
        Assert.Equal(2, World.Arm.Requests.Count);
    }
}
