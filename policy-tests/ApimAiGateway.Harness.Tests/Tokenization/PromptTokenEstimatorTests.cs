using ApimAiGateway.Harness.Tokenization;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Tokenization;

public sealed class PromptTokenEstimatorTests
{
    private static int O200k(string text) => TokenCounter.Count(text, TokenEncoding.O200kBase);

    private static int Cl100k(string text) => TokenCounter.Count(text, TokenEncoding.Cl100kBase);

    [Fact]
    public void A_two_message_chat_counts_each_message_with_its_overhead_and_the_reply_priming()
    {
        var body = JObject.Parse("""
            {"model":"gpt-4o","messages":[
              {"role":"system","content":"You are a helpful assistant."},
              {"role":"user","content":"hello world"}]}
            """);

        var expected = 3 + O200k("system") + O200k("You are a helpful assistant.")
            + 3 + O200k("user") + O200k("hello world")
            + 3;
        Assert.Equal(expected, PromptTokenEstimator.Estimate(body));
        Assert.Equal(19, expected);
    }

    [Fact]
    public void A_name_costs_one_token_more_than_its_text()
    {
        var unnamed = JObject.Parse("""{"messages":[{"role":"user","content":"hi"}]}""");
        var named = JObject.Parse("""{"messages":[{"role":"user","name":"alice","content":"hi"}]}""");

        Assert.Equal(O200k("alice") + 1, PromptTokenEstimator.Estimate(named) - PromptTokenEstimator.Estimate(unnamed));
    }

    // OpenAI cookbook "How to count tokens with tiktoken": this six-message example is 129 prompt tokens for
    // gpt-3.5-turbo and gpt-4, as both counted and reported by the API.
    [Fact]
    public void The_cookbook_chat_example_counts_129_tokens_for_gpt_4()
    {
        var body = JObject.Parse("""
            {"messages":[
              {"role":"system","content":"You are a helpful, pattern-following assistant that translates corporate jargon into plain English."},
              {"role":"system","name":"example_user","content":"New synergies will help drive top-line growth."},
              {"role":"system","name":"example_assistant","content":"Things working well together will increase revenue."},
              {"role":"system","name":"example_user","content":"Let's circle back when we have more time to touch base on opportunities for increased leverage."},
              {"role":"system","name":"example_assistant","content":"Let's talk later when we're less busy about how to do better."},
              {"role":"user","content":"This late pivot means we don't have time to boil the ocean for the client deliverable."}]}
            """);

        Assert.Equal(129, PromptTokenEstimator.Estimate(body, "gpt-4"));
    }

    [Fact]
    public void The_model_chooses_the_encoding()
    {
        const string text = "Привет, как дела? Это проверка токенизатора.";
        var body = new JObject { ["messages"] = new JArray(new JObject { ["role"] = "user", ["content"] = text }) };

        Assert.Equal(3 + O200k("user") + O200k(text) + 3, PromptTokenEstimator.Estimate(body, "gpt-4o"));
        Assert.Equal(3 + Cl100k("user") + Cl100k(text) + 3, PromptTokenEstimator.Estimate(body, "gpt-35-turbo"));
    }

    [Fact]
    public void Content_parts_count_their_text_and_images_a_fixed_low_detail_cost()
    {
        var body = JObject.Parse("""
            {"messages":[{"role":"user","content":[
              {"type":"text","text":"What is in this picture?"},
              {"type":"image_url","image_url":{"url":"https://example.com/cat.png"}},
              {"type":"text","text":"Be brief."}]}]}
            """);

        var expected = 3 + O200k("user") + O200k("What is in this picture?") + PromptTokenEstimator.TokensPerImage + O200k("Be brief.") + 3;
        Assert.Equal(expected, PromptTokenEstimator.Estimate(body));
    }

    [Fact]
    public void Tool_calls_in_the_dialogue_count_as_their_json()
    {
        var body = JObject.Parse("""
            {"messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]}]}
            """);

        var toolCalls = """[{"id":"call_1","type":"function","function":{"name":"f","arguments":"{}"}}]""";
        Assert.Equal(3 + O200k("assistant") + O200k(toolCalls) + 3, PromptTokenEstimator.Estimate(body));
    }

    // The cookbook's tools approximation: 7 per function (o200k), 3 to open the properties, 3 per property,
    // enum -3 plus 3 per value, 12 to close the list; descriptions lose their final period.
    [Fact]
    public void Tool_definitions_are_approximated_as_the_cookbook_does()
    {
        var body = JObject.Parse("""
            {"messages":[],"tools":[{"type":"function","function":{"name":"get_weather","description":"Get the weather.",
              "parameters":{"type":"object","properties":{
                "city":{"type":"string","description":"The city."},
                "unit":{"type":"string","enum":["c","f"]}}}}}]}
            """);

        var tools = 7 + O200k("get_weather:Get the weather")
            + 3
            + 3 + O200k("city:string:The city")
            + 3 + (-3 + 3 + O200k("c") + 3 + O200k("f")) + O200k("unit:string:")
            + 12;
        Assert.Equal(3 + tools, PromptTokenEstimator.Estimate(body));
    }

    [Fact]
    public void Legacy_functions_cost_the_same_as_tools()
    {
        var tools = JObject.Parse("""{"messages":[],"tools":[{"type":"function","function":{"name":"f","description":"d"}}]}""");
        var functions = JObject.Parse("""{"messages":[],"functions":[{"name":"f","description":"d"}]}""");

        Assert.Equal(PromptTokenEstimator.Estimate(tools), PromptTokenEstimator.Estimate(functions));
        Assert.Equal(3 + 7 + O200k("f:d") + 12, PromptTokenEstimator.Estimate(tools));
    }

    [Fact]
    public void A_completions_prompt_has_no_chat_overhead()
    {
        Assert.Equal(2, PromptTokenEstimator.Estimate(JObject.Parse("""{"prompt":"hello world"}"""), "gpt-35-turbo-instruct"));
        Assert.Equal(4, PromptTokenEstimator.Estimate(JObject.Parse("""{"prompt":["hello world","hello world"]}"""), "gpt-35-turbo-instruct"));
    }

    [Fact]
    public void Embeddings_input_counts_strings_arrays_and_token_ids()
    {
        Assert.Equal(2, PromptTokenEstimator.Estimate(JObject.Parse("""{"input":"hello world"}"""), "text-embedding-3-small"));
        Assert.Equal(4, PromptTokenEstimator.Estimate(JObject.Parse("""{"input":["hello world","hello world"]}"""), "text-embedding-3-small"));
        Assert.Equal(5, PromptTokenEstimator.Estimate(JObject.Parse("""{"input":[[1,2,3],[4,5]]}"""), "text-embedding-3-small"));
    }

    [Fact]
    public void A_responses_call_counts_instructions_as_a_system_message()
    {
        var body = JObject.Parse("""{"model":"gpt-4.1","instructions":"Be brief.","input":"hello world"}""");

        var expected = 3 + O200k("system") + O200k("Be brief.") + 3 + O200k("user") + O200k("hello world") + 3;
        Assert.Equal(expected, PromptTokenEstimator.Estimate(body));
    }

    [Fact]
    public void Bad_json_is_reported_not_thrown()
    {
        Assert.False(PromptTokenEstimator.TryEstimate("{not json", "gpt-4o", out var tokens));
        Assert.Equal(0, tokens);
        Assert.False(PromptTokenEstimator.TryEstimate("[1,2]", "gpt-4o", out _));
        Assert.True(PromptTokenEstimator.TryEstimate("""{"input":"hello world"}""", "gpt-4o", out tokens));
        Assert.Equal(2, tokens);
    }

    [Fact]
    public void A_body_without_a_prompt_counts_nothing() =>
        Assert.Equal(0, PromptTokenEstimator.Estimate(JObject.Parse("""{"model":"gpt-4o"}""")));
}
