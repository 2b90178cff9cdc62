using ApimAiGateway.Harness.Gateway;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Fragments.Tests;

/// <summary>pii-redaction (inbound): personal data in the prompt never reaches the model.</summary>
public sealed class PiiRedactionTests
{
    private static readonly OpenAiFragmentGateway Scenario = new(["pii-redaction"], """<include-fragment fragment-id="pii-redaction" />""");

    private static async Task<(string Sent, GatewayResult Result)> Send(JObject body)
    {
        var result = await Scenario.Ask(body);
        return (Assert.Single(result.BackendCalls).Request.BodyText, result);
    }

    private static async Task<string> PromptSent(string prompt)
    {
        var (sent, _) = await Send(OpenAiFragmentGateway.Chat(prompt));
        return (string)JObject.Parse(sent)["messages"]![0]!["content"]!;
    }

    [Theory]
    [InlineData("Mail me at jane.doe+ai@contoso.co.uk today", "Mail me at [REDACTED_EMAIL] today")]
    [InlineData("Card 4111 1111 1111 1111 expires soon", "Card [REDACTED_CARD] expires soon")]
    [InlineData("Card 4111-1111-1111-1111.", "Card [REDACTED_CARD].")]
    [InlineData("Amex 378282246310005 please", "Amex [REDACTED_CARD] please")] // 15 digits
    [InlineData("Old Visa 4222222222222 here", "Old Visa [REDACTED_CARD] here")] // 13 digits
    [InlineData("SSN 123-45-6789 on file", "SSN [REDACTED_SSN] on file")]
    [InlineData("Call +1 425 555 0123 now", "Call [REDACTED_PHONE] now")]
    [InlineData("Call (425) 555-0123.", "Call [REDACTED_PHONE].")]
    [InlineData("Call 425.555.0123 or +442079460958", "Call [REDACTED_PHONE] or [REDACTED_PHONE]")]
    public async Task Each_kind_of_personal_data_is_replaced_by_its_marker(string prompt, string expected)
    {
        Assert.Equal(expected, await PromptSent(prompt));
    }

    [Theory]
    [InlineData("Card 4111 1111 1111 1112 fails Luhn")]
    [InlineData("Order 1234567890123456 shipped")]
    [InlineData("Meeting on 2026-01-01 at 10:30")]
    [InlineData("Upgrade to version 10.0.19041.1234")]
    [InlineData("Server 192.168.100.200 is down")]
    [InlineData("Ticket 000-12-3456 is not an SSN")]
    [InlineData("Room 12 on floor 3 for 45 people")]
    [InlineData("Reply to the @support channel")]
    public async Task Look_alikes_are_left_alone(string prompt)
    {
        Assert.Equal(prompt, await PromptSent(prompt));
    }

    [Fact]
    public async Task Every_message_and_text_content_part_is_redacted_but_other_fields_are_not()
    {
        var body = JObject.Parse("""
            {"messages":[
              {"role":"system","content":"Escalate to ops@contoso.com"},
              {"role":"user","content":[{"type":"text","text":"My card is 5555 5555 5555 4444"},{"type":"image_url","image_url":{"url":"https://img.test/a.png"}}]}
            ],"user":"jane@contoso.com","temperature":0}
            """);

        var (sent, result) = await Send(body);
        var json = JObject.Parse(sent);

        Assert.Equal("Escalate to [REDACTED_EMAIL]", (string?)json["messages"]![0]!["content"]);
        Assert.Equal("My card is [REDACTED_CARD]", (string?)json["messages"]![1]!["content"]![0]!["text"]);
        Assert.Equal("https://img.test/a.png", (string?)json["messages"]![1]!["content"]![1]!["image_url"]!["url"]);
        Assert.Equal("jane@contoso.com", (string?)json["user"]);
        Assert.Equal(2, result.Variables["pii-redaction-count"]);
    }

    [Fact]
    public async Task Completions_prompts_and_embeddings_inputs_are_redacted_too()
    {
        var (sent, _) = await Send(JObject.Parse("""{"prompt":"Write to bob@fabrikam.com","input":["Call +1 425 555 0123"]}"""));
        var json = JObject.Parse(sent);

        Assert.Equal("Write to [REDACTED_EMAIL]", (string?)json["prompt"]);
        Assert.Equal("Call [REDACTED_PHONE]", (string?)json["input"]![0]);
    }

    [Fact]
    public async Task A_prompt_without_personal_data_is_forwarded_byte_for_byte()
    {
        const string text = """{ "messages": [ { "role": "user", "content": "Hello" } ] }""";
        var result = await Scenario.Gateway.SendAsync(
            GatewayCall.PostJson("/openai/deployments/chat/chat/completions?api-version=2024-10-21", text).WithHeader("api-key", "k"));

        Assert.Equal(text, Assert.Single(result.BackendCalls).Request.BodyText);
        Assert.Equal(0, result.Variables["pii-redaction-count"]);
    }

    [Fact]
    public async Task A_body_that_is_not_json_passes_through_unchanged()
    {
        var call = new GatewayCall("POST", "/openai/deployments/chat/chat/completions?api-version=2024-10-21")
        {
            Body = "mail jane@contoso.com"u8.ToArray(),
            ContentType = "text/plain",
        }.WithHeader("api-key", "k");

        var result = await Scenario.Gateway.SendAsync(call);

        Assert.Null(result.HarnessError);
        Assert.Equal("mail jane@contoso.com", Assert.Single(result.BackendCalls).Request.BodyText);
    }
}
