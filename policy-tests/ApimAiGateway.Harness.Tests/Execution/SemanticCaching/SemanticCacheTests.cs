namespace ApimAiGateway.Harness.Tests.Execution.SemanticCaching;

/// <summary>
/// llm-semantic-cache-lookup / -store and their azure-openai-* twins (apim-reference §4.33;
/// llm-semantic-cache-lookup-policy and llm-semantic-cache-store-policy pages).
/// </summary>
public sealed class SemanticCacheTests
{
    private const string VaryByTenant = """<vary-by>@(context.Request.Headers.GetValueOrDefault("x-tenant", ""))</vary-by>""";

    [Theory]
    [InlineData("llm")]
    [InlineData("azure-openai")]
    public async Task A_paraphrase_within_the_threshold_is_served_from_the_cache_without_calling_the_backend(string policy)
    {
        var scenario = new SemanticCacheGateway(SemanticCacheGateway.Lookup(0.3), SemanticCacheGateway.Store(), policy);

        var first = await scenario.Ask("What is the capital of France?");
        var second = await scenario.Ask("Tell me the capital city of France");

        Assert.Equal(200, second.StatusCode);
        Assert.Single(first.BackendCalls);
        Assert.Empty(second.BackendCalls);
        Assert.Equal(first.BodyText, second.BodyText);
        // The lookup embeds through the embeddings backend on every request, recorded like any other call.
        Assert.Contains(second.Calls, c => c.Policy == $"{policy}-semantic-cache-lookup" && c.Request.Uri.AbsolutePath.EndsWith("/embed/embeddings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unrelated_prompt_misses_and_reaches_the_backend()
    {
        var scenario = new SemanticCacheGateway(SemanticCacheGateway.Lookup(0.3), SemanticCacheGateway.Store());

        var first = await scenario.Ask("What is the capital of France?");
        var second = await scenario.Ask("How do I bake sourdough bread at home?");

        Assert.Single(second.BackendCalls);
        Assert.NotEqual(first.BodyText, second.BodyText);
    }

    [Fact]
    public async Task A_lower_threshold_is_stricter_so_the_same_paraphrase_misses()
    {
        // "A lower value requires greater semantic similarity" (lookup page, score-threshold): the paraphrase's
        // cosine distance (about 0.18 with the simulated embeddings) is within 0.3 but not within 0.1.
        var scenario = new SemanticCacheGateway(SemanticCacheGateway.Lookup(0.1), SemanticCacheGateway.Store());

        await scenario.Ask("What is the capital of France?");
        var second = await scenario.Ask("Tell me the capital city of France");

        Assert.Single(second.BackendCalls);
    }

    [Fact]
    public async Task The_cache_never_serves_another_vary_by_partition()
    {
        var scenario = new SemanticCacheGateway(SemanticCacheGateway.Lookup(0.3, varyBy: VaryByTenant), SemanticCacheGateway.Store());

        await scenario.Ask("What is the capital of France?", tenant: "contoso");
        var otherTenant = await scenario.Ask("What is the capital of France?", tenant: "fabrikam");
        var sameTenant = await scenario.Ask("What is the capital of France?", tenant: "contoso");

        Assert.Single(otherTenant.BackendCalls);
        Assert.Empty(sameTenant.BackendCalls);
    }

    [Fact]
    public async Task A_cached_completion_expires_after_the_store_duration_on_the_gateway_clock()
    {
        var scenario = new SemanticCacheGateway(SemanticCacheGateway.Lookup(0.3), SemanticCacheGateway.Store(seconds: 60));

        await scenario.Ask("What is the capital of France?");
        scenario.Gateway.VirtualClock!.Advance(TimeSpan.FromSeconds(30));
        var fresh = await scenario.Ask("What is the capital of France?");
        scenario.Gateway.VirtualClock!.Advance(TimeSpan.FromSeconds(31));
        var expired = await scenario.Ask("What is the capital of France?");

        Assert.Empty(fresh.BackendCalls);
        Assert.Single(expired.BackendCalls);
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 1)]
    public async Task Ignore_system_messages_drops_them_before_the_similarity_is_measured(bool ignore, int backendCalls)
    {
        var scenario = new SemanticCacheGateway(
            SemanticCacheGateway.Lookup(0.1, $"""ignore-system-messages="{ignore.ToString().ToLowerInvariant()}" """),
            SemanticCacheGateway.Store());

        await scenario.Ask("What is the capital of France?", system: "You are a pirate");
        var second = await scenario.Ask("What is the capital of France?", system: "You are a helpful accountant");

        Assert.Equal(backendCalls, second.BackendCalls.Count);
    }

    [Fact]
    public async Task More_messages_than_max_message_count_skip_caching_entirely()
    {
        var scenario = new SemanticCacheGateway(SemanticCacheGateway.Lookup(0.3, """max-message-count="1" """), SemanticCacheGateway.Store());

        await scenario.Ask("What is the capital of France?", system: "Be brief");
        var second = await scenario.Ask("What is the capital of France?", system: "Be brief");

        Assert.Single(second.BackendCalls);
        Assert.DoesNotContain(second.Calls, c => c.Policy == "llm-semantic-cache-lookup");
    }

    [Fact]
    public async Task A_failing_embeddings_backend_is_a_miss_not_an_error()
    {
        var scenario = new SemanticCacheGateway(
            SemanticCacheGateway.Lookup(0.3).Replace("embeddings-backend-id=\"embeddings\"", "embeddings-backend-id=\"missing\""),
            SemanticCacheGateway.Store());

        await scenario.Ask("What is the capital of France?");
        var second = await scenario.Ask("What is the capital of France?");

        Assert.Equal(200, second.StatusCode);
        Assert.Single(second.BackendCalls);
    }
}
