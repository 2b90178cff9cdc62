using ApimAiGateway.Harness.Services.AzureOpenAi;
using ApimAiGateway.Harness.Tokenization;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Tests.Services.AzureOpenAi;

public sealed class SimulatedAzureOpenAiTests
{
    private readonly AzureOpenAiFixture _aoai = new();

    [Fact]
    public async Task A_chat_completion_reports_tokenizer_exact_usage()
    {
        var body = """{"messages":[{"role":"system","content":"You are terse."},{"role":"user","content":"hello world"}]}""";

        var response = await _aoai.ChatResponse(body);

        var json = response.BodyAs<JObject>()!;
        var content = (string)json.SelectToken("choices[0].message.content")!;
        var expectedPrompt = PromptTokenEstimator.Estimate(JObject.Parse(body), "gpt-4o");
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("chat.completion", (string?)json["object"]);
        Assert.Equal("gpt-4o", (string?)json["model"]);
        Assert.Equal("assistant", (string?)json.SelectToken("choices[0].message.role"));
        Assert.Equal("stop", (string?)json.SelectToken("choices[0].finish_reason"));
        Assert.Equal(expectedPrompt, (int)json.SelectToken("usage.prompt_tokens")!);
        Assert.Equal(TokenCounter.Count(content, TokenEncoding.O200kBase), (int)json.SelectToken("usage.completion_tokens")!);
        Assert.Equal(expectedPrompt + (int)json.SelectToken("usage.completion_tokens")!, (int)json.SelectToken("usage.total_tokens")!);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), (long)json["created"]!);
    }

    [Fact]
    public async Task Answers_are_deterministic_per_prompt_and_name_where_they_came_from()
    {
        var first = await Content(AzureOpenAiFixture.UserMessage("What is APIM?"));
        var again = await Content(AzureOpenAiFixture.UserMessage("What is APIM?"));
        var other = await Content(AzureOpenAiFixture.UserMessage("What is Azure?"));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Contains("from deployment chat (gpt-4o) in East US", first);
    }

    [Fact]
    public async Task Responses_name_the_serving_region_and_deployment_as_azure_does()
    {
        var response = await _aoai.ChatResponse(AzureOpenAiFixture.UserMessage("hi"));

        // Azure OpenAI answers carry x-ms-region with the region's display name and apim-request-id (headers quoted
        // in microsoft/copilot-camp issue 551 and EvolvingPrograms/oaib issue 11).
        Assert.Equal("East US", response.Headers.GetValueOrDefault("x-ms-region"));
        Assert.Equal("chat", response.Headers.GetValueOrDefault("x-ms-deployment-name"));
        Assert.True(Guid.TryParse(response.Headers.GetValueOrDefault("apim-request-id"), out _));
    }

    [Fact]
    public async Task Max_tokens_caps_the_completion_and_finishes_with_length()
    {
        var json = (await _aoai.ChatResponse(AzureOpenAiFixture.UserMessage("Explain everything", ""","max_tokens":5"""))).BodyAs<JObject>()!;
        var newer = (await _aoai.ChatResponse(AzureOpenAiFixture.UserMessage("Explain everything", ""","max_completion_tokens":3"""))).BodyAs<JObject>()!;

        Assert.Equal(5, (int)json.SelectToken("usage.completion_tokens")!);
        Assert.Equal("length", (string?)json.SelectToken("choices[0].finish_reason"));
        Assert.Equal("Simulated answer", ((string)json.SelectToken("choices[0].message.content")!)[..16]);
        Assert.Equal(3, (int)newer.SelectToken("usage.completion_tokens")!);
    }

    [Fact]
    public async Task The_deployment_model_chooses_the_tokenizer()
    {
        const string text = "Привет, как дела? Это проверка токенизатора.";

        var o200k = (await _aoai.ChatResponse(AzureOpenAiFixture.UserMessage(text))).BodyAs<JObject>()!;
        var cl100k = (await _aoai.ChatResponse(AzureOpenAiFixture.UserMessage(text), "legacy")).BodyAs<JObject>()!;

        Assert.Equal(3 + 1 + TokenCounter.Count(text, TokenEncoding.O200kBase) + 3, (int)o200k.SelectToken("usage.prompt_tokens")!);
        Assert.Equal(3 + 1 + TokenCounter.Count(text, TokenEncoding.Cl100kBase) + 3, (int)cl100k.SelectToken("usage.prompt_tokens")!);
    }

    [Fact]
    public async Task The_v1_shape_takes_the_deployment_from_the_body_and_needs_no_api_version()
    {
        var outcome = await _aoai.Post("/openai/v1/chat/completions", """{"model":"chat","messages":[{"role":"user","content":"hi"}]}""");

        Assert.Equal(200, outcome.Response!.StatusCode);
        Assert.Equal("gpt-4o", (string?)outcome.Response.BodyAs<JObject>()!["model"]);
        Assert.Equal("chat", _aoai.Service.Calls.Single().Deployment);
    }

    [Fact]
    public async Task An_unknown_deployment_is_404_deployment_not_found()
    {
        var response = await _aoai.ChatResponse(AzureOpenAiFixture.UserMessage("hi"), "gpt-missing");

        Assert.Equal(404, response.StatusCode);
        Assert.Equal("DeploymentNotFound", (string?)response.BodyAs<JObject>()!.SelectToken("error.code"));
        Assert.StartsWith("The API deployment for this resource does not exist.", (string?)response.BodyAs<JObject>()!.SelectToken("error.message"));
    }

    // Azure answers a missing api-version with 404 "Resource not found", not 400 (MicrosoftDocs/azure-docs issue 114602).
    [Fact]
    public async Task A_missing_api_version_is_404_resource_not_found()
    {
        var outcome = await _aoai.Post("/openai/deployments/chat/chat/completions", AzureOpenAiFixture.UserMessage("hi"));

        Assert.Equal(404, outcome.Response!.StatusCode);
        Assert.Equal("""{"error":{"code":"404","message":"Resource not found"}}""", outcome.Response.BodyText);
    }

    [Fact]
    public async Task Bad_json_is_a_400_invalid_request()
    {
        var response = await _aoai.ChatResponse("{\"messages\": [");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("invalid_request_error", (string?)response.BodyAs<JObject>()!.SelectToken("error.type"));
    }

    [Fact]
    public async Task A_chat_without_messages_is_a_400_naming_the_parameter()
    {
        var response = await _aoai.ChatResponse("""{"temperature":0}""");

        Assert.Equal(400, response.StatusCode);
        Assert.Equal("messages", (string?)response.BodyAs<JObject>()!.SelectToken("error.param"));
    }

    [Fact]
    public async Task Keys_and_entra_tokens_are_accepted_and_recorded()
    {
        await _aoai.Post(AzureOpenAiFixture.ChatPath(), AzureOpenAiFixture.UserMessage("hi"));
        await _aoai.Post(AzureOpenAiFixture.ChatPath(), AzureOpenAiFixture.UserMessage("hi"), "Authorization", "Bearer eyJ0eXAi");
        var wrongKey = await _aoai.Post(AzureOpenAiFixture.ChatPath(), AzureOpenAiFixture.UserMessage("hi"), "api-key", "guess");

        Assert.Equal(401, wrongKey.Response!.StatusCode);
        Assert.Equal(
            [AzureOpenAiAuthentication.ApiKey, AzureOpenAiAuthentication.EntraToken, null],
            _aoai.Service.Calls.Select(call => call.Authentication));
        Assert.Equal([200, 200, 401], _aoai.Service.Calls.Select(call => call.StatusCode));
    }

    [Fact]
    public async Task Calls_record_operation_deployment_and_usage()
    {
        await _aoai.ChatResponse(AzureOpenAiFixture.UserMessage("hello world"));

        var call = _aoai.Service.Calls.Single();
        Assert.Equal(AzureOpenAiOperation.ChatCompletions, call.Operation);
        Assert.Equal("chat", call.Deployment);
        Assert.False(call.Streamed);
        Assert.Equal(3 + 1 + 2 + 3, call.Usage!.PromptTokens);
    }

    private async Task<string> Content(string body) =>
        (string)(await _aoai.ChatResponse(body)).BodyAs<JObject>()!.SelectToken("choices[0].message.content")!;
}
