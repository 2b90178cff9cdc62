using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Harness.Tests.Policies;

/// <summary>The "one of" attribute groups of the reference pages.</summary>
public sealed class AttributeRuleTests
{
    private static IReadOnlyList<AttributeRule> RulesOf(string policy)
    {
        Assert.True(PolicyCatalog.Default.TryGet(policy, out var definition), policy);
        return definition.Element.Rules;
    }

    [Theory]
    // set-backend-service-policy: base-url or backend-id.
    [InlineData("set-backend-service", AttributeRuleKind.ExactlyOneOf, "base-url,backend-id")]
    // validate-jwt-policy: exactly one token source.
    [InlineData("validate-jwt", AttributeRuleKind.ExactlyOneOf, "header-name,query-parameter-name,token-value")]
    // validate-azure-ad-token-policy: header-name defaults to Authorization, so at most one is given.
    [InlineData("validate-azure-ad-token", AttributeRuleKind.MutuallyExclusive, "header-name,query-parameter-name,token-value")]
    // quota-policy / quota-by-key-policy: calls and/or bandwidth.
    [InlineData("quota", AttributeRuleKind.AtLeastOneOf, "calls,bandwidth")]
    [InlineData("quota-by-key", AttributeRuleKind.AtLeastOneOf, "calls,bandwidth")]
    // forward-request-policy: timeout and timeout-ms are mutually exclusive.
    [InlineData("forward-request", AttributeRuleKind.MutuallyExclusive, "timeout,timeout-ms")]
    // log-to-eventhub-policy: partition-id or partition-key.
    [InlineData("log-to-eventhub", AttributeRuleKind.MutuallyExclusive, "partition-id,partition-key")]
    // llm-token-limit-policy: tokens-per-minute and/or token-quota; the quota needs its period.
    [InlineData("llm-token-limit", AttributeRuleKind.AtLeastOneOf, "tokens-per-minute,token-quota")]
    [InlineData("llm-token-limit", AttributeRuleKind.RequiresTogether, "token-quota,token-quota-period")]
    [InlineData("azure-openai-token-limit", AttributeRuleKind.AtLeastOneOf, "tokens-per-minute,token-quota")]
    // send-service-bus-message-policy: queue-name or topic-name.
    [InlineData("send-service-bus-message", AttributeRuleKind.ExactlyOneOf, "queue-name,topic-name")]
    // authentication-certificate-policy: thumbprint, certificate-id or body.
    [InlineData("authentication-certificate", AttributeRuleKind.ExactlyOneOf, "thumbprint,certificate-id,body")]
    public void Policy_declares_the_documented_rule(string policy, AttributeRuleKind kind, string attributes)
    {
        Assert.Contains(RulesOf(policy), r => r.Kind == kind && r.Attributes.SequenceEqual(attributes.Split(',')));
    }

    [Theory]
    [InlineData(AttributeRuleKind.ExactlyOneOf, "", false)]
    [InlineData(AttributeRuleKind.ExactlyOneOf, "a", true)]
    [InlineData(AttributeRuleKind.ExactlyOneOf, "a,b", false)]
    [InlineData(AttributeRuleKind.AtLeastOneOf, "", false)]
    [InlineData(AttributeRuleKind.AtLeastOneOf, "a,b", true)]
    [InlineData(AttributeRuleKind.MutuallyExclusive, "", true)]
    [InlineData(AttributeRuleKind.MutuallyExclusive, "b", true)]
    [InlineData(AttributeRuleKind.MutuallyExclusive, "a,b", false)]
    [InlineData(AttributeRuleKind.RequiresTogether, "", true)]
    [InlineData(AttributeRuleKind.RequiresTogether, "a", false)]
    [InlineData(AttributeRuleKind.RequiresTogether, "a,b,other", true)]
    public void Rule_kinds_evaluate_present_attributes(AttributeRuleKind kind, string present, bool satisfied)
    {
        var rule = new AttributeRule(kind, ["a", "b"]);
        var attributes = present.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();

        Assert.Equal(satisfied, rule.IsSatisfiedBy(attributes));
    }

    [Fact]
    public void Rule_describes_its_attributes_for_messages()
    {
        Assert.Equal("'a', 'b'", new AttributeRule(AttributeRuleKind.ExactlyOneOf, ["a", "b"]).DescribeAttributes());
    }

    [Fact]
    public void Rule_over_an_undeclared_attribute_fails_at_startup()
    {
        var builder = ElementSpecBuilder.Element("x").Attribute("a");

        var error = Assert.Throws<InvalidOperationException>(() => builder.Rule(AttributeRuleKind.ExactlyOneOf, "a", "typo"));
        Assert.Contains("typo", error.Message);
    }
}
