using System.Globalization;
using ApimAiGateway.Harness.Context.Runtime;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>
/// What rate-limit and rate-limit-by-key tell the caller and later policies (apim-reference §4.19/§4.20): the wait
/// in Retry-After (or the configured header) and its variable when refused; after each execution the remaining calls
/// in a header and a variable, and the configured calls in a header. Headers go on the response the caller gets,
/// which the backend's response replaces after inbound, so they are added once the response is final.
/// </summary>
internal sealed record RateLimitReporting(string RetryAfterHeader, string? RetryAfterVariable, string? RemainingHeader, string? RemainingVariable, string? TotalHeader)
{
    public static RateLimitReporting Read(PolicyElement element) => new(
        element.Literal("retry-after-header-name") ?? "Retry-After",
        element.Literal("retry-after-variable-name"),
        element.Literal("remaining-calls-header-name"),
        element.Literal("remaining-calls-variable-name"),
        element.Literal("total-calls-header-name"));

    /// <summary>The call was admitted: the remaining calls go into the variable now and into the header at the end.</summary>
    public void Admitted(PolicyExecutionContext context, long remaining, long total)
    {
        SetRemainingVariable(context, remaining);
        context.AfterOutbound(final =>
        {
            SetHeaders(final.Response.Headers, remaining, total);
            return ValueTask.CompletedTask;
        });
    }

    public void SetRemainingVariable(PolicyExecutionContext context, long remaining)
    {
        if (RemainingVariable is not null)
        {
            context.Expression.Variables.Set(RemainingVariable, Clamp(remaining));
        }
    }

    public void SetHeaders(MultiValueDictionary headers, long remaining, long total)
    {
        foreach (var (name, value) in CountHeaders(remaining, total))
        {
            headers.Set(name, value);
        }
    }

    /// <summary>
    /// The call was refused: 429 with the wait in whole seconds. The body's "Try again in N seconds." is what
    /// gateways are observed to send (apim-reference §5.4; the docs state only "Rate limit is exceeded").
    /// </summary>
    public PolicyException Exceeded(PolicyExecutionContext context, string policy, TimeSpan retryAfter, long total)
    {
        var seconds = WholeSeconds.RoundUp(retryAfter);
        if (RetryAfterVariable is not null)
        {
            context.Expression.Variables.Set(RetryAfterVariable, seconds);
        }

        SetRemainingVariable(context, 0);
        context.Note($"refused: rate limit of {total} calls exceeded, retry after {seconds} s");
        return new PolicyException(policy, "RateLimitExceeded", $"Rate limit is exceeded. Try again in {seconds} seconds.", 429)
        {
            Headers = [new(RetryAfterHeader, seconds.ToString(CultureInfo.InvariantCulture)), .. CountHeaders(0, total)],
        };
    }

    private IEnumerable<KeyValuePair<string, string>> CountHeaders(long remaining, long total)
    {
        if (RemainingHeader is not null)
        {
            yield return new(RemainingHeader, Clamp(remaining).ToString(CultureInfo.InvariantCulture));
        }

        if (TotalHeader is not null)
        {
            yield return new(TotalHeader, total.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static int Clamp(long remaining) => (int)Math.Clamp(remaining, 0, int.MaxValue);
}
