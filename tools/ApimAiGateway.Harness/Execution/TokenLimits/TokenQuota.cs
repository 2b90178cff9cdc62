using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Execution.TokenLimits;

/// <summary>token-quota tokens per calendar token-quota-period (apim-reference §4.31).</summary>
internal sealed record TokenQuota(long Limit, QuotaPeriod Period);
