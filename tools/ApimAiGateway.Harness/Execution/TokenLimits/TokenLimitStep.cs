using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Limits;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Stores;

namespace ApimAiGateway.Harness.Execution.TokenLimits;

/// <summary>
/// llm-token-limit and azure-openai-token-limit (apim-reference §4.31). In inbound the prompt is estimated when
/// estimate-prompt-tokens is true or the answer is streamed, and the request is refused before the backend is
/// called if that estimate does not fit; without an estimate only a spent window refuses. The estimate is counted
/// at once; at the end of outbound the answer's usage (or, for a stream, the estimate of prompt and completion)
/// replaces it, so usage that ran over blocks the requests that follow.
/// </summary>
internal sealed class TokenLimitStep(
    string policy,
    BoundValue<string> counterKey,
    BoundValue<long>? tokensPerMinute,
    TokenQuota? quota,
    BoundValue<bool> estimatePromptTokens,
    TokenLimitReporting reporting,
    bool trustStreamedUsage) : IPolicyStep
{
    /// <param name="trustStreamedUsage">
    /// Whether a stream's usage chunk is taken as reported: llm-token-limit does; azure-openai-token-limit estimates
    /// a stream's completion tokens whatever the stream says (apim-reference §4.31).
    /// </param>
    public static TokenLimitStep Bind(string policy, PolicyElement element, PolicyBinder binder, bool trustStreamedUsage) => new(
        policy,
        binder.Attribute(element, "counter-key", string.Empty),
        binder.Has(element, "tokens-per-minute") ? binder.Attribute(element, "tokens-per-minute", 0L) : null,
        ReadQuota(element),
        binder.Attribute(element, "estimate-prompt-tokens", false),
        TokenLimitReporting.Read(element),
        trustStreamedUsage);

    public ValueTask ExecuteAsync(PolicyExecutionContext context)
    {
        var keyValue = counterKey.Evaluate(context) ?? string.Empty;
        var budget = new TokenBudget(LimitCounterKeys.ForCounterKey(keyValue), tokensPerMinute?.Evaluate(context), quota, reporting);
        var request = LlmRequest.Read(context);
        var estimate = estimatePromptTokens.Evaluate(context) || request.IsStreaming ? request.EstimatePromptTokens() : 0;

        budget.EnsureRoom(context, policy, estimate);
        reporting.SetVariables(context, budget.Count(context, estimate), estimate);
        context.Note($"key '{keyValue}': admitted with {estimate} estimated prompt tokens");
        var location = context.Current;
        context.AfterOutbound(final =>
        {
            // A relayed stream's headers leave before its usage is known: they report the estimate counted so far.
            if (LlmResponse.WhenComplete(final, response => Settle(final, location, budget, request, estimate, response)))
            {
                reporting.SetHeaders(final.Response.Headers, budget.Count(final, 0), estimate);
            }

            return ValueTask.CompletedTask;
        });
        return ValueTask.CompletedTask;
    }

    // The estimate is already counted, so only usage beyond it is added; a counter cannot be lowered, so an
    // estimate above the reported usage stays counted (a slight over-count, on the safe side).
    private void Settle(PolicyExecutionContext context, PolicyLocation? location, TokenBudget budget, LlmRequest request, long estimate, LlmResponse response)
    {
        var metered = response.Meter(request, trustStreamedUsage);
        var consumed = metered?.Total ?? estimate;
        var balance = budget.Count(context, Math.Max(0, consumed - estimate));
        reporting.SetVariables(context, balance, consumed);
        reporting.SetHeaders(context.Response.Headers, balance, consumed);
        context.NoteFor(location, metered is null
            ? $"no usage in the response; {estimate} estimated tokens stay counted"
            : $"counted {consumed} tokens ({(metered.Estimated ? "estimated" : "reported")}: prompt {metered.Prompt}, completion {metered.Completion})");
    }

    private static TokenQuota? ReadQuota(PolicyElement element) =>
        element.Literal("token-quota") is { } limit && Enum.TryParse<CalendarPeriod>(element.Literal("token-quota-period"), out var period)
            ? new TokenQuota(ValueConversions.FromLiteral<long>(limit), QuotaPeriod.Calendar(period))
            : null;
}
