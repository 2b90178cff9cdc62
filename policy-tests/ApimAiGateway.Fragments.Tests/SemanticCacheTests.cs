using ApimAiGateway.Harness.Backends;
using ApimAiGateway.Harness.Identity;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>semantic-cache-lookup (inbound) with semantic-cache-store (outbound): paraphrases served per partition.</summary>
public sealed class SemanticCacheTests
{
    private const string Question = "What is the capital of France?";
    private const string Paraphrase = "Tell me the capital city of France";

    // The simulated embeddings put the paraphrase about 0.18 away from the question (harness SemanticCacheTests).
    private static OpenAiFragmentGateway Scenario(string backendId = "embeddings") => new(
        ["semantic-cache-lookup", "semantic-cache-store"],
        """<include-fragment fragment-id="semantic-cache-lookup" />""",
        """<include-fragment fragment-id="semantic-cache-store" />""",
        new Dictionary<string, string> { ["semantic-cache-embeddings-backend-id"] = backendId, ["semantic-cache-score-threshold"] = "0.3" },
        builder =>
        {
            builder.WithBackend(new BackendDefinition("embeddings", BackendKind.Single, new Uri($"https://{OpenAiFragmentGateway.Host}/openai/deployments/embed/embeddings")));
            new SimulatedEntraId(builder.Clock).MapOn(builder.Network);
        });

    [Fact]
    public async Task A_paraphrase_from_the_same_caller_is_served_from_the_cache()
    {
        var scenario = Scenario();

        var first = await scenario.Ask(OpenAiFragmentGateway.Chat(Question));
        var second = await scenario.Ask(OpenAiFragmentGateway.Chat(Paraphrase));

        Assert.Single(first.BackendCalls);
        Assert.Equal(200, second.StatusCode);
        Assert.Empty(second.BackendCalls);
        Assert.Equal(first.BodyText, second.BodyText);
    }

    [Fact]
    public async Task Another_tenant_is_never_served_a_cached_paraphrase()
    {
        var scenario = Scenario();

        await scenario.Ask(OpenAiFragmentGateway.Chat(Question), subscription: "contoso");
        var otherTenant = await scenario.Ask(OpenAiFragmentGateway.Chat(Question), subscription: "fabrikam");

        Assert.Single(otherTenant.BackendCalls);
    }

    [Fact]
    public async Task Another_deployment_is_another_partition()
    {
        var scenario = Scenario();

        await scenario.Ask(OpenAiFragmentGateway.Chat(Question));
        var result = await scenario.Ask(OpenAiFragmentGateway.Chat(Paraphrase), deployment: "other");

        Assert.Single(result.BackendCalls);
    }

    [Theory]
    [InlineData("max_tokens", 5)]
    [InlineData("seed", 42)]
    [InlineData("temperature", 0.1)]
    public async Task Different_generation_parameters_are_another_partition(string name, double value)
    {
        var scenario = Scenario();
        var changed = OpenAiFragmentGateway.Chat(Paraphrase);
        changed[name] = value;

        await scenario.Ask(OpenAiFragmentGateway.Chat(Question));
        var result = await scenario.Ask(changed);

        Assert.Single(result.BackendCalls);
    }

    [Fact]
    public async Task A_streamed_request_skips_the_cache_and_its_embeddings_call()
    {
        var scenario = Scenario();
        var streamed = OpenAiFragmentGateway.Chat(Question);
        streamed["stream"] = true;

        await scenario.Ask(streamed);
        var again = await scenario.Ask(streamed);

        Assert.Single(again.BackendCalls);
        Assert.DoesNotContain(again.Calls, c => c.Policy == "llm-semantic-cache-lookup");
    }

    [Fact]
    public async Task Without_a_configured_embeddings_backend_nothing_is_cached_or_embedded()
    {
        var scenario = Scenario(backendId: "none");

        await scenario.Ask(OpenAiFragmentGateway.Chat(Question));
        var again = await scenario.Ask(OpenAiFragmentGateway.Chat(Question));

        Assert.Single(again.BackendCalls);
        Assert.DoesNotContain(again.Calls, c => c.Policy == "llm-semantic-cache-lookup");
    }

    [Fact]
    public async Task A_caller_without_a_partition_is_not_cached()
    {
        var scenario = Scenario();

        await scenario.Ask(OpenAiFragmentGateway.Chat(Question), subscription: null);
        var again = await scenario.Ask(OpenAiFragmentGateway.Chat(Question), subscription: null);

        Assert.Single(again.BackendCalls);
    }
}
