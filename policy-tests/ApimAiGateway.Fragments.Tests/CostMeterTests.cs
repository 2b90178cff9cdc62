using ApimAiGateway.Harness.Services;
using Newtonsoft.Json.Linq;
using static ApimAiGateway.Fragments.Tests.CostGateway;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>cost-stream-usage (inbound) and cost-meter (outbound): every answered call priced from its real usage.</summary>
public sealed class CostMeterTests
{
    private static readonly string[] Both = ["cost-stream-usage", "cost-meter"];
    private const string Inbound = """<include-fragment fragment-id="cost-stream-usage" />""";
    private const string Outbound = """<include-fragment fragment-id="cost-meter" />""";

    [Fact]
    public async Task A_json_answer_is_priced_from_its_reported_usage()
    {
        var fixture = new CostGateway(Both, Inbound, Outbound);
        var gateway = fixture.Builder.Build();

        var result = await gateway.SendAsync(Chat(Body("What does a token cost?")));

        Assert.Equal(200, result.StatusCode);
        var usage = fixture.Service.Calls[0].Usage!;
        Assert.Equal(Gpt4oCost(usage.PromptTokens, usage.CompletionTokens), Cost(result));
        Assert.Equal("USD", result.Header("x-cost-currency"));
        Assert.Equal("false", result.Header("x-cost-estimated"));
        Assert.Equal("gpt-4o", result.Variables["cost-model"]);
    }

    [Fact]
    public async Task A_stream_is_asked_for_its_usage_and_priced_from_the_final_chunk_not_as_zero()
    {
        var fixture = new CostGateway(Both, Inbound, Outbound);
        var gateway = fixture.Builder.Build();

        var result = await gateway.SendAsync(Chat(Body("Stream me a story", ""","stream":true,"stream_options":{"include_obfuscation":false}""")));

        var sent = JObject.Parse(result.BackendCalls.Single().Request.BodyText);
        Assert.True(sent.SelectToken("stream_options.include_usage")!.Value<bool>());
        Assert.False(sent.SelectToken("stream_options.include_obfuscation")!.Value<bool>());
        var usage = fixture.Service.Calls[0].Usage!;
        Assert.True(Cost(result) > 0);
        Assert.Equal(Gpt4oCost(usage.PromptTokens, usage.CompletionTokens), Cost(result));
        Assert.Equal("false", result.Header("x-cost-estimated"));
    }

    [Fact]
    public async Task A_request_that_does_not_stream_is_sent_unchanged()
    {
        var fixture = new CostGateway(Both, Inbound, Outbound);
        var body = Body("Plain please", ""","stream":false""");

        var result = await fixture.Builder.Build().SendAsync(Chat(body));

        Assert.Equal(body, result.BackendCalls.Single().Request.BodyText);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_passed_on_untouched()
    {
        var fixture = new CostGateway(Both, Inbound, Outbound);

        var result = await fixture.Builder.Build().SendAsync(Chat("""{"stream":true,"""));

        Assert.Equal("""{"stream":true,""", result.BackendCalls.Single().Request.BodyText);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal(0m, Cost(result));
    }

    [Fact]
    public async Task A_stream_without_usage_is_estimated_and_labelled_so_never_free()
    {
        var fixture = new CostGateway(["cost-meter"], "", Outbound);

        var body = Body("Stream me a story", ""","stream":true""");

        var result = await fixture.Builder.Build().SendAsync(Chat(body));

        var content = string.Concat(result.BodyText.Split('\n')
            .Where(line => line.StartsWith("data: {", StringComparison.Ordinal))
            .Select(line => JObject.Parse(line[6..]).SelectToken("choices[0].delta.content")?.ToString()));
        Assert.Equal(200, result.StatusCode);
        Assert.Equal("true", result.Header("x-cost-estimated"));
        Assert.Equal((content.Length + 3L) / 4, result.Variables["cost-completion-tokens"]);
        Assert.Equal((body.Length + 3L) / 4, result.Variables["cost-prompt-tokens"]);
        Assert.True(Cost(result) > 0);
    }

    [Fact]
    public async Task Cached_prompt_tokens_are_priced_at_the_cached_rate_and_a_dated_model_uses_its_family_price()
    {
        var fixture = new CostGateway(["cost-meter"], "", Outbound, host: "cached.test");
        var gateway = fixture.Builder
            .WithService("cached.test", _ => ServiceResponse.Json(JObject.Parse("""
                {"model":"gpt-4o-2024-08-06","choices":[],"usage":{"prompt_tokens":2000,"completion_tokens":100,"total_tokens":2100,"prompt_tokens_details":{"cached_tokens":1500}}}
                """)))
            .Build();

        var result = await gateway.SendAsync(Chat(Body("Again")));

        Assert.Equal(Gpt4oCost(2000, 100, cached: 1500), Cost(result));
        Assert.Equal("0.004125", result.Header("x-cost"));
    }

    [Fact]
    public async Task A_model_missing_from_the_table_uses_the_default_price()
    {
        var table = """{"currency":"EUR","models":{"gpt-4o":{"input":2.5,"output":10}},"default":{"input":1,"output":2}}""";
        var fixture = new CostGateway(["cost-meter"], "", Outbound, new Dictionary<string, string> { ["model-price-table"] = table }, "other.test");
        var gateway = fixture.Builder
            .WithService("other.test", _ => ServiceResponse.Json(JObject.Parse("""
                {"model":"mistral-large","usage":{"prompt_tokens":1000000,"completion_tokens":500000}}
                """)))
            .Build();

        var result = await gateway.SendAsync(Chat(Body("Hi")));

        Assert.Equal(2m, Cost(result));
        Assert.Equal("EUR", result.Header("x-cost-currency"));
    }

    [Fact]
    public async Task An_error_answer_costs_nothing()
    {
        var fixture = new CostGateway(Both, Inbound, Outbound);

        var result = await fixture.Builder.Build().SendAsync(Chat(Body("Hi"), deployment: "missing"));

        Assert.Equal(404, result.StatusCode);
        Assert.Equal(0m, Cost(result));
        Assert.Equal("false", result.Header("x-cost-estimated"));
    }
}
