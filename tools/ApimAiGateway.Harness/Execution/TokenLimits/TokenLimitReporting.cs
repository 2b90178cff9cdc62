using System.Globalization;
using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Limits;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.TokenLimits;

/// <summary>
/// What the token limits tell the caller and later policies (apim-reference §4.31): Retry-After (or the configured
/// header) and its variable when refused; the remaining tokens of the minute and of the quota, and the tokens the
/// request consumed, in the configured headers and variables. Headers go on the final response.
/// </summary>
internal sealed record TokenLimitReporting(
    string RetryAfterHeader,
    string? RetryAfterVariable,
    string? RemainingTokensHeader,
    string? RemainingTokensVariable,
    string? RemainingQuotaHeader,
    string? RemainingQuotaVariable,
    string? ConsumedHeader,
    string? ConsumedVariable)
{
    public static TokenLimitReporting Read(PolicyElement element) => new(
        element.Literal("retry-after-header-name") ?? "Retry-After",
        element.Literal("retry-after-variable-name"),
        element.Literal("remaining-tokens-header-name"),
        element.Literal("remaining-tokens-variable-name"),
        element.Literal("remaining-quota-tokens-header-name"),
        element.Literal("remaining-quota-tokens-variable-name"),
        element.Literal("tokens-consumed-header-name"),
        element.Literal("tokens-consumed-variable-name"));

    public void SetVariables(PolicyExecutionContext context, TokenBalance balance, long consumed)
    {
        Set(context, RemainingTokensVariable, balance.RemainingTokens);
        Set(context, RemainingQuotaVariable, balance.RemainingQuota);
        Set(context, ConsumedVariable, consumed);
    }

    public void SetHeaders(MultiValueDictionary headers, TokenBalance balance, long consumed)
    {
        foreach (var (name, value) in Headers(balance, consumed))
        {
            headers.Set(name, value);
        }
    }

    /// <summary>
    /// The minute's tokens are spent: 429 with the wait in whole seconds. The reason and message follow
    /// rate-limit-by-key's wording with "Token"; the token-limit pages document only the status code.
    /// </summary>
    public PolicyException RateExceeded(PolicyExecutionContext context, string policy, TimeSpan retryAfter)
    {
        var seconds = Refuse(context, retryAfter);
        context.Note($"refused: tokens per minute exceeded, retry after {seconds} s");
        return Refusal(policy, "TokenLimitExceeded", $"Token limit is exceeded. Try again in {seconds} seconds.", 429, seconds);
    }

    /// <summary>The quota is spent: 403 until the calendar period rolls over, worded as quota-by-key's refusal.</summary>
    public PolicyException QuotaExceeded(PolicyExecutionContext context, string policy, TimeSpan resetsIn)
    {
        var seconds = Refuse(context, resetsIn);
        var replenished = TimeSpan.FromSeconds(seconds).ToString("c", CultureInfo.InvariantCulture);
        context.Note($"refused: token quota exceeded, replenished in {replenished}");
        return Refusal(policy, "TokenQuotaExceeded", $"Token quota is exceeded. Quota will be replenished in {replenished}.", 403, seconds);
    }

    private int Refuse(PolicyExecutionContext context, TimeSpan wait)
    {
        var seconds = WholeSeconds.RoundUp(wait);
        if (RetryAfterVariable is not null)
        {
            context.Expression.Variables.Set(RetryAfterVariable, seconds);
        }

        return seconds;
    }

    private PolicyException Refusal(string policy, string reason, string message, int status, int seconds) =>
        new(policy, reason, message, status)
        {
            Headers = [new(RetryAfterHeader, seconds.ToString(CultureInfo.InvariantCulture))],
        };

    private IEnumerable<KeyValuePair<string, string>> Headers(TokenBalance balance, long consumed)
    {
        (string? Name, long? Value)[] headers = [(RemainingTokensHeader, balance.RemainingTokens), (RemainingQuotaHeader, balance.RemainingQuota), (ConsumedHeader, consumed)];
        foreach (var (name, value) in headers)
        {
            if (name is not null && value is { } count)
            {
                yield return new(name, Clamp(count).ToString(CultureInfo.InvariantCulture));
            }
        }
    }

    private static void Set(PolicyExecutionContext context, string? variable, long? value)
    {
        if (variable is not null && value is { } count)
        {
            context.Expression.Variables.Set(variable, Clamp(count));
        }
    }

    private static int Clamp(long count) => (int)Math.Clamp(count, 0, int.MaxValue);
}
