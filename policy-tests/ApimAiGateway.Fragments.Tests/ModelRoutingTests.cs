using ApimAiGateway.Harness.Gateway;
using ApimAiGateway.Harness.Identity;
using ApimAiGateway.Harness.Services.AzureOpenAi;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>
/// model-routing (inbound) with the repository's backends (policies/backends.json) and named values
/// (model-aliases, residency-pools: eu = aoai-pool-eu, Sweden Central; us = aoai-pool-us, East US then West US;
/// default group us). rewrite-uri, set-body, set-backend-service and authentication-managed-identity behave as
/// apim-reference §4.7 (rewrite-uri) and §4.28 (managed identity) pin.
/// </summary>
public sealed class ModelRoutingTests
{
    private const string Query = "?api-version=2024-10-21";
    private const string Messages = """
        "messages":[{"role":"user","content":"Hello"}]
        """;

    private static readonly string[] RegionNames = ["eastus", "swedencentral", "westus"];


    private static GatewayCall Chat(string alias) =>
        GatewayCall.PostJson($"/openai/deployments/{alias}/chat/completions{Query}", "{" + Messages + "}").WithHeader("api-key", "caller-key");

    private static GatewayCall V1(string model) =>
        GatewayCall.PostJson("/openai/v1/chat/completions", $$"""{"model":"{{model}}",{{Messages}}}""");

    private static SimulatedGateway Gateway(string before = "")
    {
        var builder = FragmentFixture.Gateway(["model-routing"], inbound: before + """<include-fragment fragment-id="model-routing" />""")
            .WithApi("openai", "openai", "https://unused.invalid/openai", subscriptionRequired: false)
            .WithNamedValues(RepositoryNamedValues.With())
            .WithRepositoryBackends();
        foreach (var region in RegionNames)
        {
            builder.Network.Map(RepositoryBackends.Host(region), new SimulatedAzureOpenAi(new SimulatedAzureOpenAiOptions
            {
                Region = region,
                Deployments = new Dictionary<string, string> { ["gpt-4o"] = "gpt-4o", ["gpt-4o-mini"] = "gpt-4o-mini" },
            }));
        }

        // The gateway's managed identity, as the instance metadata endpoint hands it out.
        builder.Network.Map(ManagedIdentityTokens.EndpointHost, new SimulatedManagedIdentityEndpoint(new SimulatedEntraId(builder.Clock)));
        return builder.Build();
    }

    private static void AssertError(GatewayResult result, string code)
    {
        Assert.Equal(400, result.StatusCode);
        Assert.Empty(result.BackendCalls);
        Assert.StartsWith("application/json", result.Header("Content-Type"));
        var error = result.BodyJson!["error"]!;
        Assert.Equal(code, (string?)error["code"]);
        Assert.False(string.IsNullOrEmpty((string?)error["requestId"]));
        Assert.DoesNotContain("aoai-", result.BodyText);
    }

    [Fact]
    public async Task An_alias_in_the_path_is_rewritten_to_its_deployment_and_the_query_kept()
    {
        var result = await Gateway().SendAsync(Chat("chat"));

        Assert.Equal(200, result.StatusCode);
        var sent = Assert.Single(result.BackendCalls).Request.Uri;
        Assert.Equal("/openai/deployments/gpt-4o/chat/completions", sent.AbsolutePath);
        Assert.Equal(Query, sent.Query);
        Assert.Equal("gpt-4o", result.Variables["model-deployment"]);
    }

    [Fact]
    public async Task A_v1_request_has_its_body_model_replaced_by_the_deployment()
    {
        var result = await Gateway().SendAsync(V1("mini"));

        var sent = Assert.Single(result.BackendCalls).Request;
        Assert.Equal("/openai/v1/chat/completions", sent.Uri.AbsolutePath);
        var body = Newtonsoft.Json.Linq.JObject.Parse(System.Text.Encoding.UTF8.GetString(sent.Body.Span));
        Assert.Equal("gpt-4o-mini", (string?)body["model"]);
        Assert.Equal("Hello", (string?)body["messages"]![0]!["content"]);
    }

    [Fact]
    public async Task An_unknown_alias_is_refused_with_a_json_400()
    {
        AssertError(await Gateway().SendAsync(Chat("gpt-5")), "UnknownModel");
    }

    [Fact]
    public async Task A_v1_request_without_a_model_is_refused_with_a_json_400()
    {
        var result = await Gateway().SendAsync(GatewayCall.PostJson("/openai/v1/chat/completions", "{" + Messages + "}"));

        AssertError(result, "UnknownModel");
    }

    [Fact]
    public async Task Without_a_residency_header_the_default_group_is_served()
    {
        var result = await Gateway().SendAsync(Chat("gpt-4o"));

        Assert.Equal(RepositoryBackends.Host("eastus"), Assert.Single(result.BackendCalls).Request.Uri.Host);
        Assert.Equal("us", result.Variables["data-residency-group"]);
    }

    [Theory]
    [InlineData("eu")]
    [InlineData(" EU ")]
    public async Task The_residency_header_picks_its_group_backend(string group)
    {
        var result = await Gateway().SendAsync(Chat("gpt-4o").WithHeader("x-data-residency", group));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(RepositoryBackends.Host("swedencentral"), Assert.Single(result.BackendCalls).Request.Uri.Host);
        Assert.Equal("aoai-pool-eu", result.Variables["residency-backend-id"]);
    }

    [Fact]
    public async Task An_unknown_residency_group_is_refused_with_a_json_400()
    {
        AssertError(await Gateway().SendAsync(Chat("gpt-4o").WithHeader("x-data-residency", "apac")), "UnknownDataResidency");
    }

    /// <summary>A group taken from a validated token claim must not be escaped by sending another header.</summary>
    [Fact]
    public async Task A_residency_set_by_an_earlier_fragment_wins_over_the_header()
    {
        var gateway = Gateway("""<set-variable name="data-residency" value="eu" />""");

        var result = await gateway.SendAsync(Chat("gpt-4o").WithHeader("x-data-residency", "us"));

        Assert.Equal(RepositoryBackends.Host("swedencentral"), Assert.Single(result.BackendCalls).Request.Uri.Host);
    }

    [Fact]
    public async Task The_backend_is_called_with_the_gateway_identity_not_the_caller_key()
    {
        var result = await Gateway().SendAsync(Chat("gpt-4o"));

        var headers = Assert.Single(result.BackendCalls).Request.Headers;
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(headers.GetValueOrDefault("Authorization")!["Bearer ".Length..]);
        Assert.Equal("https://cognitiveservices.azure.com", Assert.Single(token.Audiences));
        Assert.Null(headers.GetValueOrDefault("api-key"));
    }
}
