namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>A call the simulated resource answered itself (not one an injected fault took over).</summary>
/// <param name="Deployment">The deployment asked for; null when the request named none.</param>
/// <param name="Authentication">How the caller authenticated; null when it was refused for lack of credentials.</param>
/// <param name="Usage">What the answer reported in <c>usage</c>; null for an error answer.</param>
public sealed record AzureOpenAiCall(
    DateTimeOffset At,
    AzureOpenAiOperation? Operation,
    string? Deployment,
    AzureOpenAiAuthentication? Authentication,
    int StatusCode,
    bool Streamed,
    TokenUsage? Usage);
