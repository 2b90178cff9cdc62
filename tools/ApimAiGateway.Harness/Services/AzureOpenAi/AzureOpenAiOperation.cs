namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>The inference operations the simulated resource serves.</summary>
public enum AzureOpenAiOperation
{
    ChatCompletions,
    Embeddings,
}
