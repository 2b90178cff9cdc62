using static ApimAiGateway.Harness.Tests.Execution.TokenLimits.TokenGateway;

namespace ApimAiGateway.Harness.Tests.Execution.TokenLimits;

/// <summary>llm-token-limit and azure-openai-token-limit (apim-reference §4.31, llm-token-limit-policy page).</summary>
public sealed class TokenLimitTests
{
    private static readonly string Hello = Body("Hello there, how are you today?");

    [Fact]
    public async Task Estimating_prompt_tokens_refuses_an_oversized_prompt_before_the_backend_is_called()
    {
        var fixture = new TokenGateway();
        var limit = PromptEstimate(Hello) - 1;
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy($"""<llm-token-limit counter-key="k" tokens-per-minute="{limit}" estimate-prompt-tokens="true" />""")).Build();

        var result = await gateway.SendAsync(Chat(Hello));

        Assert.Equal(429, result.StatusCode);
        Assert.Empty(result.BackendCalls);
        Assert.Empty(fixture.Service.Calls);
        Assert.Equal("llm-token-limit", result.LastError!.Source);
        Assert.Equal("TokenLimitExceeded", result.LastError.Reason);
        Assert.Equal("60", result.Header("Retry-After"));
        Assert.Equal("Token limit is exceeded. Try again in 60 seconds.", (string?)result.BodyJson!["message"]);
    }

    [Fact]
    public async Task An_answer_without_usage_leaves_the_estimate_counted()
    {
        var fixture = new TokenGateway();
        var limit = PromptEstimate(Hello) + 1;
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy($"""
            <llm-token-limit counter-key="k" tokens-per-minute="{limit}" estimate-prompt-tokens="true" tokens-consumed-header-name="x-consumed" />
            """)).Build();

        var missing = await gateway.SendAsync(Chat(Hello) with { Url = "/aoai/deployments/missing/chat/completions?api-version=2024-10-21" });
        var next = await gateway.SendAsync(Chat(Hello));

        Assert.Equal(404, missing.StatusCode);
        Assert.Equal(PromptEstimate(Hello).ToString(), missing.Header("x-consumed"));
        Assert.Equal(429, next.StatusCode);
    }

    [Fact]
    public async Task Without_estimation_reported_usage_over_the_limit_blocks_the_next_request_not_the_current_one()
    {
        var fixture = new TokenGateway();
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy("""<llm-token-limit counter-key="k" tokens-per-minute="10" estimate-prompt-tokens="false" />""")).Build();

        var first = await gateway.SendAsync(Chat(Hello));
        var second = await gateway.SendAsync(Chat(Hello));

        Assert.Equal(200, first.StatusCode);
        Assert.True(fixture.Service.Calls[0].Usage!.TotalTokens > 10);
        Assert.Equal(429, second.StatusCode);
        Assert.Single(fixture.Service.Calls);
    }

    [Fact]
    public async Task The_minute_window_slides_with_the_clock()
    {
        var fixture = new TokenGateway();
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy("""<llm-token-limit counter-key="k" tokens-per-minute="10" estimate-prompt-tokens="false" />""")).Build();

        await gateway.SendAsync(Chat(Hello));
        gateway.VirtualClock!.Advance(TimeSpan.FromMinutes(1) - TimeSpan.FromMilliseconds(1));
        var justBefore = await gateway.SendAsync(Chat(Hello));
        gateway.VirtualClock.Advance(TimeSpan.FromMilliseconds(1));
        var after = await gateway.SendAsync(Chat(Hello));

        Assert.Equal(429, justBefore.StatusCode);
        Assert.Equal("1", justBefore.Header("Retry-After"));
        Assert.Equal(200, after.StatusCode);
    }

    [Fact]
    public async Task Counter_keys_are_shared_across_apis_and_between_the_two_policies()
    {
        var fixture = new TokenGateway();
        var gateway = fixture.Builder
            .WithApiPolicy("aoai", Policy("""<llm-token-limit counter-key="shared" tokens-per-minute="10" estimate-prompt-tokens="false" />"""))
            .WithApiPolicy("aoai2", Policy("""<azure-openai-token-limit counter-key="shared" tokens-per-minute="10" estimate-prompt-tokens="false" />"""))
            .Build();

        var first = await gateway.SendAsync(Chat(Hello));
        var other = await gateway.SendAsync(Chat(Hello, api: "aoai2"));

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(429, other.StatusCode);
        Assert.Equal("azure-openai-token-limit", other.LastError!.Source);
    }

    [Fact]
    public async Task A_spent_hourly_quota_refuses_with_403_until_the_next_hour()
    {
        var fixture = new TokenGateway();
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy("""
            <llm-token-limit counter-key="k" token-quota="10" token-quota-period="Hourly" estimate-prompt-tokens="false" />
            """)).Build();

        await gateway.SendAsync(Chat(Hello));
        gateway.VirtualClock!.Advance(TimeSpan.FromMinutes(30));
        var spent = await gateway.SendAsync(Chat(Hello));
        gateway.VirtualClock.Advance(TimeSpan.FromMinutes(30));
        var nextHour = await gateway.SendAsync(Chat(Hello));

        Assert.Equal(403, spent.StatusCode);
        Assert.Equal("TokenQuotaExceeded", spent.LastError!.Reason);
        Assert.Equal("1800", spent.Header("Retry-After"));
        Assert.Equal("Token quota is exceeded. Quota will be replenished in 00:30:00.", (string?)spent.BodyJson!["message"]);
        Assert.Equal(200, nextHour.StatusCode);
    }

    [Fact]
    public async Task A_daily_quota_rolls_over_at_midnight_utc()
    {
        var fixture = new TokenGateway();
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy("""
            <llm-token-limit counter-key="k" token-quota="10" token-quota-period="Daily" estimate-prompt-tokens="false" />
            """)).Build();

        await gateway.SendAsync(Chat(Hello));
        gateway.VirtualClock!.Advance(TimeSpan.FromHours(23));
        var sameDay = await gateway.SendAsync(Chat(Hello));
        gateway.VirtualClock.Advance(TimeSpan.FromHours(1));
        var nextDay = await gateway.SendAsync(Chat(Hello));

        Assert.Equal(403, sameDay.StatusCode);
        Assert.Equal(200, nextDay.StatusCode);
    }

    [Fact]
    public async Task Headers_and_variables_report_remaining_and_consumed_tokens()
    {
        var fixture = new TokenGateway();
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy("""
            <llm-token-limit counter-key="k" tokens-per-minute="1000" token-quota="5000" token-quota-period="Monthly" estimate-prompt-tokens="true"
                             remaining-tokens-header-name="x-remaining" remaining-tokens-variable-name="remaining"
                             remaining-quota-tokens-header-name="x-quota" remaining-quota-tokens-variable-name="quota"
                             tokens-consumed-header-name="x-consumed" tokens-consumed-variable-name="consumed" />
            """)).Build();

        var result = await gateway.SendAsync(Chat(Hello));

        var total = fixture.Service.Calls[0].Usage!.TotalTokens;
        Assert.Equal(total.ToString(), result.Header("x-consumed"));
        Assert.Equal((1000 - total).ToString(), result.Header("x-remaining"));
        Assert.Equal((5000 - total).ToString(), result.Header("x-quota"));
        Assert.Equal(total, result.Variables["consumed"]);
        Assert.Equal(1000 - total, result.Variables["remaining"]);
        Assert.Equal(5000 - total, result.Variables["quota"]);
    }

    [Fact]
    public async Task The_consumed_variable_holds_the_estimate_before_the_backend_answers()
    {
        var fixture = new TokenGateway();
        var gateway = fixture.Builder.WithApiPolicy("aoai", """
            <policies>
              <inbound><llm-token-limit counter-key="k" tokens-per-minute="1000" estimate-prompt-tokens="true" tokens-consumed-variable-name="consumed" /></inbound>
              <backend><set-variable name="before" value="@((int)context.Variables[&quot;consumed&quot;])" /><forward-request /></backend>
              <outbound /><on-error />
            </policies>
            """).Build();

        var result = await gateway.SendAsync(Chat(Hello));

        Assert.Equal(PromptEstimate(Hello), result.Variables["before"]);
        Assert.Equal(fixture.Service.Calls[0].Usage!.TotalTokens, result.Variables["consumed"]);
    }

    [Fact]
    public async Task Refusal_sets_the_retry_after_variable_and_the_configured_header()
    {
        var fixture = new TokenGateway();
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy("""
            <llm-token-limit counter-key="k" tokens-per-minute="1" estimate-prompt-tokens="true" retry-after-header-name="x-wait" retry-after-variable-name="wait" />
            """)).Build();

        var result = await gateway.SendAsync(Chat(Hello));

        Assert.Equal("60", result.Header("x-wait"));
        Assert.Null(result.Header("Retry-After"));
        Assert.Equal(60, result.Variables["wait"]);
    }

    [Fact]
    public async Task A_stream_with_a_usage_chunk_is_metered_from_it()
    {
        var fixture = new TokenGateway();
        var body = Body("Stream me a story", ""","stream":true,"stream_options":{"include_usage":true}""");
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy("""
            <llm-token-limit counter-key="k" tokens-per-minute="100000" estimate-prompt-tokens="false" tokens-consumed-header-name="x-consumed" />
            """)).Build();

        var result = await gateway.SendAsync(Chat(body));

        Assert.Equal(fixture.Service.Calls[0].Usage!.TotalTokens.ToString(), result.Header("x-consumed"));
        Assert.Contains(result.Trace, e => e.Policy == "llm-token-limit" && e.Message.Contains("(reported:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_stream_without_usage_is_estimated_from_the_prompt_and_the_streamed_text()
    {
        var fixture = new TokenGateway();
        var body = Body("Stream me a story", ""","stream":true""");
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy("""
            <llm-token-limit counter-key="k" tokens-per-minute="100000" estimate-prompt-tokens="false" tokens-consumed-header-name="x-consumed" />
            """)).Build();

        var result = await gateway.SendAsync(Chat(body));

        // The simulated resource counts with the same tokenizer, so the estimate meets its own count exactly.
        var usage = fixture.Service.Calls[0].Usage!;
        Assert.Equal(PromptEstimate(body) + usage.CompletionTokens, int.Parse(result.Header("x-consumed")!));
        Assert.True(usage.CompletionTokens > 0);
    }

    [Fact]
    public async Task Azure_openai_token_limit_estimates_a_stream_even_when_it_reports_usage()
    {
        var fixture = new TokenGateway();
        var body = Body("Stream me a story", ""","stream":true,"stream_options":{"include_usage":true}""");
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy("""
            <azure-openai-token-limit counter-key="k" tokens-per-minute="100000" estimate-prompt-tokens="false" />
            """)).Build();

        var result = await gateway.SendAsync(Chat(body));

        Assert.Contains(result.Trace, e => e.Policy == "azure-openai-token-limit" && e.Message.Contains("(estimated:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_streamed_prompt_is_estimated_up_front_even_without_estimate_prompt_tokens()
    {
        var fixture = new TokenGateway();
        var body = Body("Stream me a story", ""","stream":true""");
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy($"""
            <llm-token-limit counter-key="k" tokens-per-minute="{PromptEstimate(body) - 1}" estimate-prompt-tokens="false" />
            """)).Build();

        var result = await gateway.SendAsync(Chat(body));

        Assert.Equal(429, result.StatusCode);
        Assert.Empty(fixture.Service.Calls);
    }
}
