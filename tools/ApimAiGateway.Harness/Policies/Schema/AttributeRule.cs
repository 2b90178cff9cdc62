namespace ApimAiGateway.Harness.Policies;

/// <summary>A constraint across several attributes of one element, e.g. "exactly one of header-name, token-value".</summary>
public sealed record AttributeRule(AttributeRuleKind Kind, IReadOnlyList<string> Attributes)
{
    /// <summary>Whether an element carrying <paramref name="presentAttributes"/> satisfies the rule.</summary>
    public bool IsSatisfiedBy(IReadOnlySet<string> presentAttributes)
    {
        var present = Attributes.Count(presentAttributes.Contains);
        return Kind switch
        {
            AttributeRuleKind.ExactlyOneOf => present == 1,
            AttributeRuleKind.AtLeastOneOf => present >= 1,
            AttributeRuleKind.MutuallyExclusive => present <= 1,
            AttributeRuleKind.RequiresTogether => present == 0 || present == Attributes.Count,
            _ => true,
        };
    }

    /// <summary>The attribute names joined for a message: <c>'a', 'b' or 'c'</c>.</summary>
    public string DescribeAttributes() => string.Join(", ", Attributes.Select(a => $"'{a}'"));
}
