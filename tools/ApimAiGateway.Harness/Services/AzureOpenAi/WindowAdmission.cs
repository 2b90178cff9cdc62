namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>Whether a request fits in the rate window, and what is left of it afterwards.</summary>
/// <param name="ExceededLimit">"token" or "call" when refused (the words Azure's 429 message uses); null when admitted.</param>
/// <param name="RetryAfter">When a refused request would fit; zero when admitted.</param>
internal sealed record WindowAdmission(string? ExceededLimit, int RemainingTokens, int RemainingRequests, TimeSpan RetryAfter)
{
    public bool Admitted => ExceededLimit is null;
}
