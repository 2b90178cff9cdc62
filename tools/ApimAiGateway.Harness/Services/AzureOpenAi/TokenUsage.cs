namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>The <c>usage</c> block of an answer.</summary>
public sealed record TokenUsage(int PromptTokens, int CompletionTokens)
{
    public int TotalTokens => PromptTokens + CompletionTokens;
}
