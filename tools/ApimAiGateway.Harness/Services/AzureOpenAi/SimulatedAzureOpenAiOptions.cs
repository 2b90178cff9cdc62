namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>How one simulated Azure OpenAI resource is set up.</summary>
public sealed class SimulatedAzureOpenAiOptions
{
    /// <summary>The region's display name, as Azure reports it in <c>x-ms-region</c> ("East US", "Sweden Central").</summary>
    public string Region { get; init; } = "East US";

    /// <summary>Deployment name to model name (<c>"chat" → "gpt-4o"</c>); the model chooses the tokenizer.</summary>
    public IReadOnlyDictionary<string, string> Deployments { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The resource's tokens-per-minute capacity, shared by its deployments.</summary>
    public int TokensPerMinute { get; init; } = 30_000;

    /// <summary>How long every answer takes on the virtual clock.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.Zero;

    /// <summary>The key <c>api-key</c> must carry; null accepts any non-empty key. Entra bearer tokens are always accepted.</summary>
    public string? ApiKey { get; init; }

    /// <summary>
    /// Azure grants 6 requests per minute for every 1,000 tokens per minute (Microsoft Learn, "Azure OpenAI quota
    /// management": RPM = TPM × 6 / 1000); at least one.
    /// </summary>
    public int RequestsPerMinute => Math.Max(1, (int)(TokensPerMinute * 6L / 1000));
}
