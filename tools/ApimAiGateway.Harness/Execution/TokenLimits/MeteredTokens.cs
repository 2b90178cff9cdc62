namespace ApimAiGateway.Harness.Execution.TokenLimits;

/// <summary>The tokens one request used, as reported by the backend's <c>usage</c> or estimated by the gateway.</summary>
internal sealed record MeteredTokens(long Prompt, long Completion, long Total, bool Estimated);
