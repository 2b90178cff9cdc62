using static ApimAiGateway.Harness.Tests.Execution.TokenLimits.TokenGateway;

namespace ApimAiGateway.Harness.Tests.Execution.TokenLimits;

/// <summary>llm-emit-token-metric and azure-openai-emit-token-metric (apim-reference §4.32).</summary>
public sealed class EmitTokenMetricTests
{
    [Fact]
    public async Task Reported_usage_is_emitted_as_three_metrics_with_the_dimensions()
    {
        var fixture = new TokenGateway();
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy("""
            <llm-emit-token-metric namespace="ai">
              <dimension name="API ID" />
              <dimension name="Subscription ID" />
              <dimension name="client" value="@(context.Request.Headers.GetValueOrDefault(&quot;x-client&quot;, &quot;none&quot;))" />
            </llm-emit-token-metric>
            """)).Build();

        await gateway.SendAsync(Chat(Body("Count my tokens")).WithHeader("x-client", "app-1"));

        var usage = fixture.Service.Calls[0].Usage!;
        var metrics = gateway.Services.Outputs.Metrics;
        Assert.Equal(usage.TotalTokens, metrics.Total("Total Tokens", "ai"));
        Assert.Equal(usage.PromptTokens, metrics.Total("Prompt Tokens", "ai"));
        Assert.Equal(usage.CompletionTokens, metrics.Total("Completion Tokens", "ai"));
        var dimensions = metrics.Named("Total Tokens", "ai").Single().Dimensions;
        Assert.Equal("aoai", dimensions["API ID"]);
        Assert.Equal("sub-1", dimensions["Subscription ID"]);
        Assert.Equal("app-1", dimensions["client"]);
    }

    [Fact]
    public async Task A_stream_is_estimated_and_the_namespace_defaults_to_api_management()
    {
        var fixture = new TokenGateway();
        var body = Body("Stream me a story", ""","stream":true""");
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy("""
            <azure-openai-emit-token-metric><dimension name="API ID" /></azure-openai-emit-token-metric>
            """)).Build();

        var result = await gateway.SendAsync(Chat(body));

        Assert.Contains(result.Trace, e => e.Policy == "azure-openai-emit-token-metric" && e.Message.StartsWith("estimated tokens emitted", StringComparison.Ordinal));
        var metrics = gateway.Services.Outputs.Metrics;
        var completion = fixture.Service.Calls[0].Usage!.CompletionTokens;
        Assert.Equal(PromptEstimate(body), metrics.Total("Prompt Tokens"));
        Assert.Equal(completion, metrics.Total("Completion Tokens"));
        Assert.Equal(PromptEstimate(body) + completion, metrics.Total("Total Tokens"));
    }

    [Fact]
    public async Task An_answer_without_usage_emits_nothing()
    {
        var fixture = new TokenGateway();
        var gateway = fixture.Builder.WithApiPolicy("aoai", Policy("""
            <llm-emit-token-metric><dimension name="API ID" /></llm-emit-token-metric>
            """)).Build();

        var result = await gateway.SendAsync(Chat(Body("Hi")) with { Url = "/aoai/deployments/missing/chat/completions?api-version=2024-10-21" });

        Assert.Equal(404, result.StatusCode);
        Assert.Empty(gateway.Services.Outputs.Metrics.Records);
    }
}
