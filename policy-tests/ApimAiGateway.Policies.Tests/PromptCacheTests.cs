namespace ApimAiGateway.Policies.Tests;

/// <summary>
/// prompt-cache-lookup before the limits and prompt-cache-store after the meters: an exact repeat is served without a
/// backend call, only to the same caller, and only when nothing that changes the answer differs.
/// </summary>
public sealed class PromptCacheTests
{
    private const string Deterministic = ""","temperature":0""";

    private readonly ComposedGateway _gateway = new();

    [Fact]
    public async Task A_repeat_is_a_miss_then_a_hit_without_a_backend_call_or_tokens()
    {
        var first = await _gateway.Ask("What is APIM?", extra: Deterministic);
        var second = await _gateway.Ask("What is APIM?", extra: Deterministic);

        Assert.Equal("MISS", first.Header("X-Cache"));
        Assert.Equal("HIT", second.Header("X-Cache"));
        Assert.Equal(first.BodyText, second.BodyText);
        Assert.Empty(second.BackendCalls);
        Assert.Single(_gateway.AccountCalls);
        Assert.Null(second.Header("x-tokens-consumed"));
    }

    [Fact]
    public async Task Another_caller_on_the_same_subscription_never_gets_the_first_callers_answer()
    {
        await _gateway.Ask("What is my balance?", Caller.Alice, extra: Deterministic);

        var other = await _gateway.Ask("What is my balance?", Caller.Bob, extra: Deterministic);

        Assert.Equal("MISS", other.Header("X-Cache"));
        Assert.Single(other.BackendCalls);
    }

    [Theory]
    [InlineData(""","temperature":0,"max_tokens":10""")]
    [InlineData(""","temperature":0,"seed":7""")]
    [InlineData(""","temperature":0,"response_format":{"type":"json_object"}""")]
    public async Task A_parameter_that_changes_the_answer_is_a_miss(string parameters)
    {
        await _gateway.Ask("Summarise the news", extra: Deterministic);

        var changed = await _gateway.Ask("Summarise the news", extra: parameters);

        Assert.Equal("MISS", changed.Header("X-Cache"));
        Assert.Single(changed.BackendCalls);
    }

    [Fact]
    public async Task Aliases_of_one_deployment_share_the_cached_answer()
    {
        await _gateway.Ask("Define latency", deployment: "chat", extra: Deterministic);

        var viaModelName = await _gateway.Ask("Define latency", deployment: "gpt-4o", extra: Deterministic);

        Assert.Equal("HIT", viaModelName.Header("X-Cache"));
    }
}
