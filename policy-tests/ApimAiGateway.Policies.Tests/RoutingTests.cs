namespace ApimAiGateway.Policies.Tests;

/// <summary>
/// model-routing: an alias reaches its deployment, and the caller's residency group (the token's claim, else the
/// x-data-residency header, else the default) picks the regional pool (named values model-aliases, residency-pools).
/// </summary>
public sealed class RoutingTests
{
    private readonly ComposedGateway _gateway = new();

    [Theory]
    [InlineData("chat", "gpt-4o")]
    [InlineData("mini", "gpt-4o-mini")]
    [InlineData("gpt-4o-mini", "gpt-4o-mini")]
    public async Task An_alias_is_sent_to_its_deployment(string alias, string deployment)
    {
        var result = await _gateway.Ask("Hello", deployment: alias);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal($"/openai/deployments/{deployment}/chat/completions", Assert.Single(result.BackendCalls).Request.Uri.AbsolutePath);
        Assert.Equal(deployment, (string?)result.BodyJson!["model"]);
    }

    [Fact]
    public async Task An_unknown_model_is_refused_before_any_backend_call()
    {
        var result = await _gateway.Ask("Hello", deployment: "gpt-5-turbo-max");

        ErrorShape.Assert(result, 400, "UnknownModel");
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task Without_a_claim_or_header_the_default_group_is_served_from_its_primary_region()
    {
        var result = await _gateway.Ask("Hello");

        Assert.Equal("East US", ComposedGateway.RegionOf(result));
    }

    [Fact]
    public async Task The_residency_claim_picks_the_eu_pool_and_a_header_cannot_override_it()
    {
        var call = _gateway.Call(ComposedGateway.Body("Hallo"), new Caller("eu-oid", Residency: "eu")).WithHeader("x-data-residency", "us");

        var result = await _gateway.Send(call);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("Sweden Central", ComposedGateway.RegionOf(result));
        Assert.Equal("eu", result.Variables["data-residency-group"]);
    }

    [Fact]
    public async Task Without_a_claim_the_residency_header_picks_the_group()
    {
        var result = await _gateway.Send(_gateway.Call(ComposedGateway.Body("Hallo")).WithHeader("x-data-residency", "eu"));

        Assert.Equal("Sweden Central", ComposedGateway.RegionOf(result));
    }

    [Fact]
    public async Task An_unknown_residency_group_is_refused_in_the_error_shape()
    {
        var result = await _gateway.Send(_gateway.Call(ComposedGateway.Body("Hello")).WithHeader("x-data-residency", "apac"));

        ErrorShape.Assert(result, 400, "UnknownDataResidency");
        Assert.Empty(result.BackendCalls);
    }

    [Fact]
    public async Task Embeddings_are_routed_by_alias_and_priced_at_the_embeddings_model()
    {
        var call = _gateway.Call("""{"input":"vector me"}""", deployment: "embeddings", operation: "embeddings");

        var result = await _gateway.Send(call);

        Assert.Equal(200, result.StatusCode);
        Assert.Equal("/openai/deployments/text-embedding-3-small/embeddings", Assert.Single(result.BackendCalls).Request.Uri.AbsolutePath);
        var usage = Assert.Single(_gateway.AccountCalls).Usage!;
        Assert.Equal(Costs.Expected("text-embedding-3-small", usage), Costs.Of(result));
    }
}
