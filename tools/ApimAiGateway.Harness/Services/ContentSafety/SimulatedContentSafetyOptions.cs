namespace ApimAiGateway.Harness.Services.ContentSafety;

/// <summary>How a simulated Azure AI Content Safety resource judges text.</summary>
public sealed class SimulatedContentSafetyOptions
{
    /// <summary>The service's limit for text:analyze text and text:shieldPrompt userPrompt (10,000 characters).</summary>
    public const int ServiceTextLimit = 10_000;

    public IReadOnlyList<ContentSafetyKeyword> Keywords { get; init; } = [];

    /// <summary>Custom blocklists by name, each a list of terms matched case-insensitively.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Blocklists { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Phrases whose presence in a user prompt Prompt Shields reports as an attack.</summary>
    public IReadOnlyList<string> AttackPhrases { get; init; } = [];

    public int MaxTextLength { get; init; } = ServiceTextLimit;
}
