using ApimAiGateway.Harness.Gateway;
using Newtonsoft.Json.Linq;
using static ApimAiGateway.Fragments.Tests.TieredOpenAiGateway;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>fragments/request-hygiene.xml: each rule with its status and JSON error body, and the rewrites.</summary>
public sealed class RequestHygieneTests
{
    private static readonly Dictionary<string, string> Rules = new()
    {
        ["allowed-models"] = "chat, gpt-4o",
        ["max-prompt-chars-basic"] = "20",
        ["max-prompt-chars-standard"] = "100",
        ["max-prompt-chars-premium"] = "1000",
        ["max-completion-tokens-basic"] = "50",
        ["max-completion-tokens-standard"] = "200",
        ["max-completion-tokens-premium"] = "1000",
    };

    private static async Task<(GatewayResult Result, TieredOpenAiGateway Fixture)> Send(GatewayCall call)
    {
        var fixture = new TieredOpenAiGateway(["request-hygiene"], """<include-fragment fragment-id="request-hygiene" />""", Rules);
        return (await fixture.Builder.Build().SendAsync(call), fixture);
    }

    private static JObject ForwardedBody(GatewayResult result) =>
        JObject.Parse(System.Text.Encoding.UTF8.GetString(Assert.Single(result.BackendCalls).Request.Body.Span));

    private static void AssertRefused(GatewayResult result, int status, string code, TieredOpenAiGateway fixture)
    {
        Assert.Equal(status, result.StatusCode);
        Assert.StartsWith("application/json", result.Header("Content-Type"));
        var error = result.BodyJson!["error"]!;
        Assert.Equal(code, (string?)error["code"]);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
        Assert.True(Guid.TryParse((string?)error["requestId"], out var id) && id != Guid.Empty);
        Assert.Empty(result.BackendCalls);
        Assert.Empty(fixture.Service.Calls);
    }

    [Fact]
    public async Task A_clean_request_is_forwarded_unchanged()
    {
        var body = Body("Hi there", ""","max_tokens":10""");
        var (result, _) = await Send(Chat(body));

        Assert.Equal(200, result.StatusCode);
        Assert.Equal(body, System.Text.Encoding.UTF8.GetString(Assert.Single(result.BackendCalls).Request.Body.Span));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task A_body_that_is_not_a_json_object_is_refused_with_400(string body)
    {
        var (result, fixture) = await Send(Chat(body));

        AssertRefused(result, 400, "InvalidJson", fixture);
    }

    [Fact]
    public async Task The_legacy_prompt_becomes_a_user_message()
    {
        var (result, _) = await Send(Chat("""{"prompt":"Say hi"}"""));

        Assert.Equal(200, result.StatusCode);
        var forwarded = ForwardedBody(result);
        Assert.Null(forwarded["prompt"]);
        Assert.True(JToken.DeepEquals(JArray.Parse("""[{"role":"user","content":"Say hi"}]"""), forwarded["messages"]));
    }

    [Fact]
    public async Task A_legacy_prompt_that_is_not_a_string_is_refused_with_400()
    {
        var (result, fixture) = await Send(Chat("""{"prompt":["a","b"]}"""));

        AssertRefused(result, 400, "InvalidPrompt", fixture);
    }

    [Fact]
    public async Task A_deployment_outside_the_allowed_list_is_refused_with_400()
    {
        var (result, fixture) = await Send(Chat(Body("Hi"), deployment: "mini"));

        AssertRefused(result, 400, "ModelNotAllowed", fixture);
        Assert.Contains("'mini'", (string?)result.BodyJson!["error"]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_model_outside_the_allowed_list_is_refused_even_on_an_allowed_deployment()
    {
        var (result, fixture) = await Send(Chat(Body("Hi", ""","model":"gpt-4-32k" """)));

        AssertRefused(result, 400, "ModelNotAllowed", fixture);
    }

    [Fact]
    public async Task Allowed_models_are_compared_without_case()
    {
        var (result, _) = await Send(Chat(Body("Hi", ""","model":"GPT-4o" """)));

        Assert.Equal(200, result.StatusCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("\"many\"")]
    [InlineData("2.5")]
    public async Task A_max_tokens_that_is_not_a_positive_integer_is_refused_with_400(string value)
    {
        var (result, fixture) = await Send(Chat(Body("Hi", $$""","max_tokens":{{value}}""")));

        AssertRefused(result, 400, "InvalidMaxTokens", fixture);
    }

    [Theory]
    [InlineData("sub-basic", 50)]
    [InlineData("sub-standard", 200)]
    [InlineData("sub-premium", 1000)]
    public async Task Max_tokens_above_the_tier_cap_are_rewritten_down_to_it(string subscription, int cap)
    {
        var (result, _) = await Send(Chat(Body("Hi", ""","max_tokens":5000,"max_completion_tokens":5000"""), subscription));

        Assert.Equal(200, result.StatusCode);
        var forwarded = ForwardedBody(result);
        Assert.Equal(cap, (int)forwarded["max_tokens"]!);
        Assert.Equal(cap, (int)forwarded["max_completion_tokens"]!);
    }

    [Fact]
    public async Task Absent_max_tokens_stay_absent()
    {
        var (result, _) = await Send(Chat(Body("Hi")));

        Assert.Null(ForwardedBody(result)["max_tokens"]);
    }

    [Theory]
    [InlineData("sub-basic", 20)]
    [InlineData("sub-standard", 100)]
    public async Task A_prompt_longer_than_the_tier_allows_is_refused_with_413_and_one_at_the_limit_passes(string subscription, int limit)
    {
        var (atLimit, _) = await Send(Chat(Body(new string('a', limit)), subscription));
        var (over, fixture) = await Send(Chat(Body(new string('a', limit + 1)), subscription));

        Assert.Equal(200, atLimit.StatusCode);
        AssertRefused(over, 413, "PromptTooLarge", fixture);
    }

    [Fact]
    public async Task Text_parts_and_every_message_count_toward_the_prompt_size()
    {
        var body = """{"messages":[{"role":"system","content":"0123456789"},{"role":"user","content":[{"type":"text","text":"0123456789a"}]}]}""";
        var (result, fixture) = await Send(Chat(body));

        AssertRefused(result, 413, "PromptTooLarge", fixture);
    }

    [Fact]
    public async Task A_legacy_prompt_is_measured_after_it_becomes_a_message()
    {
        var (result, fixture) = await Send(Chat($$"""{"prompt":"{{new string('a', 21)}}"}"""));

        AssertRefused(result, 413, "PromptTooLarge", fixture);
    }
}
