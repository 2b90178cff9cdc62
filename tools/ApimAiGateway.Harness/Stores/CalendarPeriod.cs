namespace ApimAiGateway.Harness.Stores;

/// <summary>
/// The calendar periods of llm-token-limit / azure-openai-token-limit <c>token-quota-period</c> (apim-reference §4.31).
/// Member names are the attribute's spellings, so the policy layer can parse them with <see cref="Enum.TryParse{TEnum}(string, out TEnum)"/>.
/// </summary>
public enum CalendarPeriod
{
    Hourly,
    Daily,
    Weekly,
    Monthly,
    Yearly,
}
