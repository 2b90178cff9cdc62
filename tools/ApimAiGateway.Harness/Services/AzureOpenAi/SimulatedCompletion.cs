using ApimAiGateway.Harness.Tokenization;

namespace ApimAiGateway.Harness.Services.AzureOpenAi;

/// <summary>
/// The model's deterministic answer: derived from a hash of the prompt, so the same prompt always gets the same
/// answer, and naming the deployment, model and region that produced it, so a test can see where a request went.
/// A token cap cuts the answer short and makes its finish reason <c>length</c>, as a real model's would.
/// </summary>
internal sealed record SimulatedCompletion(string Content, string FinishReason, int CompletionTokens)
{
    private static readonly string[] Vocabulary =
    [
        "gateway", "token", "policy", "region", "backend", "quota", "request", "answer", "cache", "model",
        "latency", "stream", "retry", "limit", "route", "signal", "budget", "window", "header", "prompt",
        "metric", "pool", "circuit", "load", "balance", "minute", "usage", "secure", "simple", "steady",
    ];

    public static SimulatedCompletion For(string prompt, DeploymentTarget target, int? maxTokens)
    {
        var digest = StableHash.Bytes(prompt);
        var words = Enumerable.Range(1, 6 + (digest[0] % 19)).Select(i => Vocabulary[digest[i] % Vocabulary.Length]);
        var full = $"Simulated answer {Convert.ToHexString(digest, 0, 4).ToLowerInvariant()} from deployment {target.Deployment} ({target.Model}) in {target.Region}: {string.Join(' ', words)}.";
        var encoding = ModelEncodings.ForModel(target.Model);
        var content = maxTokens is { } cap ? TokenCounter.Truncate(full, cap, encoding) : full;
        return new SimulatedCompletion(content, content.Length < full.Length ? "length" : "stop", TokenCounter.Count(content, encoding));
    }
}
