namespace ApimAiGateway.Harness.Execution.TokenLimits;

/// <summary>The tokens left in the minute window and in the quota window; null for a limit the policy does not set.</summary>
internal readonly record struct TokenBalance(long? RemainingTokens, long? RemainingQuota);
