using ApimAiGateway.Harness.Gateway;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>prompt-cache-lookup (inbound) with prompt-cache-store (outbound): exact prompt caching per caller.</summary>
public sealed class PromptCacheTests
{
    private static OpenAiFragmentGateway Scenario(IReadOnlyDictionary<string, string>? namedValues = null) => new(
        ["prompt-cache-lookup", "prompt-cache-store"],
        """<include-fragment fragment-id="prompt-cache-lookup" />""",
        """<include-fragment fragment-id="prompt-cache-store" />""",
        namedValues);

    private static void AssertServedFromCache(GatewayResult result, GatewayResult original)
    {
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("HIT", result.Header("X-Cache"));
        Assert.Empty(result.BackendCalls);
        Assert.Equal(original.BodyText, result.BodyText);
        Assert.StartsWith("application/json", result.Header("Content-Type"), StringComparison.Ordinal);
    }

    private static void AssertFromBackend(GatewayResult result)
    {
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("MISS", result.Header("X-Cache"));
        Assert.Single(result.BackendCalls);
    }

    [Fact]
    public async Task A_repeated_prompt_misses_first_then_hits_without_calling_the_backend()
    {
        var scenario = Scenario();

        var first = await scenario.Ask(OpenAiFragmentGateway.Chat("What is the capital of France?"));
        var second = await scenario.Ask(OpenAiFragmentGateway.Chat("What is the capital of France?"));

        AssertFromBackend(first);
        AssertServedFromCache(second, first);
    }

    [Fact]
    public async Task Another_tenant_asking_the_same_prompt_is_never_served_the_first_tenants_answer()
    {
        var scenario = Scenario();

        await scenario.Ask(OpenAiFragmentGateway.Chat("Summarise our Q3 numbers"), subscription: "contoso");
        var otherTenant = await scenario.Ask(OpenAiFragmentGateway.Chat("Summarise our Q3 numbers"), subscription: "fabrikam");

        AssertFromBackend(otherTenant);
    }

    [Fact]
    public async Task The_caller_id_variable_set_by_an_earlier_fragment_partitions_callers_within_one_subscription()
    {
        var scenario = new OpenAiFragmentGateway(
            ["prompt-cache-lookup", "prompt-cache-store"],
            """<set-variable name="caller-id" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-caller&quot;, &quot;&quot;))" /><include-fragment fragment-id="prompt-cache-lookup" />""",
            """<include-fragment fragment-id="prompt-cache-store" />""");
        var body = OpenAiFragmentGateway.Chat("What is my balance?");
        Task<GatewayResult> As(string caller) => scenario.Gateway.SendAsync(
            GatewayCall.PostJson("/openai/deployments/chat/chat/completions?api-version=2024-10-21", body.ToString()).WithHeader("api-key", "k").WithHeader("x-caller", caller) with { SubscriptionId = "contoso" });

        await As("alice");
        var bob = await As("bob");
        var aliceAgain = await As("alice");

        AssertFromBackend(bob);
        Assert.Equal("HIT", aliceAgain.Header("X-Cache"));
    }

    [Fact]
    public async Task A_request_without_any_caller_partition_is_not_cached()
    {
        var scenario = Scenario();

        await scenario.Ask(OpenAiFragmentGateway.Chat("Hello"), subscription: null);
        var second = await scenario.Ask(OpenAiFragmentGateway.Chat("Hello"), subscription: null);

        AssertFromBackend(second);
    }

    public static TheoryData<string, string> AnswerChangingParameters => new()
    {
        { "model", "\"gpt-4o-mini\"" },
        { "temperature", "0.1" },
        { "top_p", "0.5" },
        { "max_tokens", "5" },
        { "seed", "42" },
        { "n", "2" },
        { "stop", "[\"Paris\"]" },
        { "response_format", "{\"type\":\"json_object\"}" },
        { "tools", "[{\"type\":\"function\",\"function\":{\"name\":\"lookup\",\"parameters\":{\"type\":\"object\"}}}]" },
        { "tool_choice", "\"none\"" },
        { "presence_penalty", "0.5" },
        { "frequency_penalty", "0.5" },
        { "logit_bias", "{\"1234\":-100}" },
        // A field the gateway has never heard of is kept too: an unknown field may change the answer.
        { "reasoning_effort", "\"high\"" },
    };

    [Theory]
    [MemberData(nameof(AnswerChangingParameters))]
    public async Task Any_parameter_that_changes_the_answer_changes_the_key(string name, string json)
    {
        var scenario = Scenario();
        var changed = OpenAiFragmentGateway.Chat("What is the capital of France?");
        changed[name] = JToken.Parse(json);

        await scenario.Ask(OpenAiFragmentGateway.Chat("What is the capital of France?"));
        var result = await scenario.Ask(changed);

        Assert.Equal("MISS", result.Header("X-Cache"));
        Assert.Single(result.BackendCalls);
    }

    [Fact]
    public async Task A_different_conversation_history_changes_the_key()
    {
        var scenario = Scenario();
        var withSystem = OpenAiFragmentGateway.Body(new JArray(
            new JObject { ["role"] = "system", ["content"] = "Answer in French" },
            new JObject { ["role"] = "user", ["content"] = "What is the capital of France?" }));

        await scenario.Ask(OpenAiFragmentGateway.Chat("What is the capital of France?"));
        var result = await scenario.Ask(withSystem);

        AssertFromBackend(result);
    }

    [Theory]
    [InlineData("other", "2024-10-21")]
    [InlineData("chat", "2025-01-01-preview")]
    public async Task The_deployment_and_the_api_version_are_part_of_the_key(string deployment, string apiVersion)
    {
        var scenario = Scenario();

        await scenario.Ask(OpenAiFragmentGateway.Chat("What is the capital of France?"));
        var result = await scenario.Ask(OpenAiFragmentGateway.Chat("What is the capital of France?"), deployment: deployment, apiVersion: apiVersion);

        Assert.Equal("MISS", result.Header("X-Cache"));
        Assert.Single(result.BackendCalls);
    }

    [Fact]
    public async Task The_user_field_and_the_order_of_top_level_fields_do_not_change_the_key()
    {
        var scenario = Scenario();
        var first = await scenario.Ask(JObject.Parse("""{"user":"alice@contoso","temperature":0,"messages":[{"role":"user","content":"Hi"}]}"""));

        var second = await scenario.Ask(JObject.Parse("""{"messages":[{"role":"user","content":"Hi"}],"temperature":0,"user":"bob@contoso"}"""));

        AssertServedFromCache(second, first);
    }

    [Fact]
    public async Task A_streamed_request_is_neither_served_from_nor_stored_in_the_cache()
    {
        var scenario = Scenario();
        var streamed = OpenAiFragmentGateway.Chat("What is the capital of France?");
        streamed["stream"] = true;

        await scenario.Ask(streamed);
        var again = await scenario.Ask(streamed);

        AssertFromBackend(again);
        Assert.Contains("data:", again.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Streaming_is_cached_when_the_named_value_opts_in_and_keeps_its_event_stream_content_type()
    {
        var scenario = Scenario(new Dictionary<string, string> { ["prompt-cache-allow-streaming"] = "true" });
        var streamed = OpenAiFragmentGateway.Chat("What is the capital of France?");
        streamed["stream"] = true;

        var first = await scenario.Ask(streamed);
        var second = await scenario.Ask(streamed);
        var plain = await scenario.Ask(OpenAiFragmentGateway.Chat("What is the capital of France?"));

        Assert.Equal("HIT", second.Header("X-Cache"));
        Assert.Empty(second.BackendCalls);
        Assert.Equal(first.BodyText, second.BodyText);
        Assert.StartsWith("text/event-stream", second.Header("Content-Type"), StringComparison.Ordinal);
        // "stream" stays in the key: a plain request must not receive the cached event stream.
        AssertFromBackend(plain);
    }

    [Theory]
    [InlineData(0.2, "HIT")]
    [InlineData(0.7, "MISS")]
    [InlineData(null, "MISS")] // absent temperature is Azure OpenAI's default of 1
    public async Task Temperature_above_the_named_threshold_is_not_cached(double? temperature, string second)
    {
        var scenario = Scenario();

        await scenario.Ask(OpenAiFragmentGateway.Chat("Write a haiku", temperature));
        var result = await scenario.Ask(OpenAiFragmentGateway.Chat("Write a haiku", temperature));

        Assert.Equal(second, result.Header("X-Cache"));
    }

    [Fact]
    public async Task High_temperature_is_cached_when_the_named_value_opts_in()
    {
        var scenario = Scenario(new Dictionary<string, string> { ["prompt-cache-allow-high-temperature"] = "true" });

        await scenario.Ask(OpenAiFragmentGateway.Chat("Write a haiku", 0.9));
        var result = await scenario.Ask(OpenAiFragmentGateway.Chat("Write a haiku", 0.9));

        Assert.Equal("HIT", result.Header("X-Cache"));
    }

    [Fact]
    public async Task An_entry_expires_after_the_named_duration_on_the_gateway_clock()
    {
        var scenario = Scenario(new Dictionary<string, string> { ["prompt-cache-duration-seconds"] = "60" });

        await scenario.Ask(OpenAiFragmentGateway.Chat("What is the capital of France?"));
        scenario.Gateway.VirtualClock!.Advance(TimeSpan.FromSeconds(59));
        var fresh = await scenario.Ask(OpenAiFragmentGateway.Chat("What is the capital of France?"));
        scenario.Gateway.VirtualClock!.Advance(TimeSpan.FromSeconds(2));
        var expired = await scenario.Ask(OpenAiFragmentGateway.Chat("What is the capital of France?"));

        Assert.Equal("HIT", fresh.Header("X-Cache"));
        AssertFromBackend(expired);
    }

    [Fact]
    public async Task A_failed_answer_is_not_stored()
    {
        var scenario = Scenario();

        var failed = await scenario.Ask(OpenAiFragmentGateway.Chat("What is the capital of France?"), deployment: "missing");
        var again = await scenario.Ask(OpenAiFragmentGateway.Chat("What is the capital of France?"), deployment: "missing");

        Assert.Equal(404, failed.StatusCode);
        Assert.Equal("MISS", again.Header("X-Cache"));
        Assert.Single(again.BackendCalls);
    }

    [Fact]
    public async Task A_body_that_is_not_json_passes_through_uncached()
    {
        var scenario = Scenario();
        var call = new GatewayCall("POST", "/openai/deployments/chat/chat/completions?api-version=2024-10-21")
        {
            Body = "not json"u8.ToArray(),
            ContentType = "application/json",
            SubscriptionId = "contoso",
        }.WithHeader("api-key", "k");

        var result = await scenario.Gateway.SendAsync(call);

        Assert.Equal("MISS", result.Header("X-Cache"));
        Assert.Null(result.HarnessError);
        Assert.Single(result.BackendCalls);
    }
}
