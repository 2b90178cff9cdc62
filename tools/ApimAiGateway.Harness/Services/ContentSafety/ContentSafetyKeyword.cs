namespace ApimAiGateway.Harness.Services.ContentSafety;

/// <summary>
/// A word or phrase the simulated service rates: text containing it (case-insensitive) has at least
/// <paramref name="Severity"/> (0–7, the eight-level scale) in <paramref name="Category"/> (Hate, SelfHarm, Sexual,
/// Violence).
/// </summary>
public sealed record ContentSafetyKeyword(string Keyword, string Category, int Severity);
