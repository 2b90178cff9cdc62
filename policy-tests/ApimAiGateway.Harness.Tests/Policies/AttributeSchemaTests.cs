using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Harness.Tests.Policies;

/// <summary>Spot checks of attribute data against the reference pages (cited per case).</summary>
public sealed class AttributeSchemaTests
{
    private static ElementSpec ElementOf(string policy)
    {
        Assert.True(PolicyCatalog.Default.TryGet(policy, out var definition), policy);
        return definition.Element;
    }

    private static AttributeSpec AttributeOf(string policy, string attribute) =>
        ElementOf(policy).FindAttribute(attribute) ?? throw new Xunit.Sdk.XunitException($"{policy} has no '{attribute}'.");

    [Theory]
    // set-variable-policy: name is required and takes no expressions; value is required and does.
    [InlineData("set-variable", "name", true, false)]
    [InlineData("set-variable", "value", true, true)]
    // include-fragment-policy, MicrosoftDocs/azure-docs#103799.
    [InlineData("include-fragment", "fragment-id", true, false)]
    // mock-response-policy, MicrosoftDocs/azure-docs#103071.
    [InlineData("mock-response", "status-code", false, false)]
    [InlineData("mock-response", "content-type", false, false)]
    // rate-limit-policy: no attribute takes expressions.
    [InlineData("rate-limit", "calls", true, false)]
    [InlineData("rate-limit", "renewal-period", true, false)]
    // rate-limit-by-key-policy: calls became expression-capable.
    [InlineData("rate-limit-by-key", "calls", true, true)]
    [InlineData("rate-limit-by-key", "counter-key", true, true)]
    [InlineData("rate-limit-by-key", "retry-after-header-name", false, false)]
    // cache-lookup-value-policy: caching-type takes no expressions.
    [InlineData("cache-lookup-value", "caching-type", false, false)]
    [InlineData("cache-lookup-value", "variable-name", true, false)]
    // validate-jwt-policy.
    [InlineData("validate-jwt", "output-token-variable-name", false, false)]
    [InlineData("validate-jwt", "failed-validation-httpcode", false, true)]
    // authentication-managed-identity-policy.
    [InlineData("authentication-managed-identity", "resource", true, true)]
    [InlineData("authentication-managed-identity", "client-id", false, false)]
    // llm-token-limit-policy.
    [InlineData("llm-token-limit", "counter-key", true, true)]
    [InlineData("llm-token-limit", "token-quota", false, false)]
    [InlineData("llm-token-limit", "estimate-prompt-tokens", true, true)]
    // emit-metric-policy.
    [InlineData("emit-metric", "name", true, false)]
    [InlineData("emit-metric", "namespace", false, false)]
    // forward-request-policy.
    [InlineData("forward-request", "buffer-response", false, false)]
    [InlineData("forward-request", "timeout", false, true)]
    // log-to-eventhub-policy.
    [InlineData("log-to-eventhub", "partition-id", false, false)]
    public void Attribute_is_required_and_expression_capable_as_documented(
        string policy, string attribute, bool required, bool allowsExpressions)
    {
        var spec = AttributeOf(policy, attribute);

        Assert.Equal(required, spec.Required);
        Assert.Equal(allowsExpressions, spec.AllowsExpressions);
    }

    [Theory]
    [InlineData("forward-request", "timeout", "300")]
    [InlineData("send-request", "timeout", "60")]
    [InlineData("set-header", "exists-action", "override")]
    [InlineData("cache-lookup", "caching-type", "prefer-external")]
    [InlineData("emit-metric", "namespace", "API Management")]
    [InlineData("validate-jwt", "failed-validation-httpcode", "401")]
    [InlineData("rate-limit", "retry-after-header-name", "Retry-After")]
    public void Defaults_are_recorded(string policy, string attribute, string expected)
    {
        Assert.Equal(expected, AttributeOf(policy, attribute).Default);
    }

    [Theory]
    [InlineData("set-header", "exists-action", "append", true)]
    [InlineData("set-header", "exists-action", "Append", true)]
    [InlineData("set-header", "exists-action", "replace", false)]
    [InlineData("rate-limit", "calls", "20", true)]
    [InlineData("rate-limit", "calls", "twenty", false)]
    [InlineData("rate-limit", "calls", "{{calls-per-minute}}", true)]
    [InlineData("forward-request", "buffer-response", "false", true)]
    [InlineData("forward-request", "buffer-response", "no", false)]
    [InlineData("forward-request", "http-version", "2or1", true)]
    [InlineData("llm-semantic-cache-lookup", "score-threshold", "0.05", true)]
    [InlineData("llm-semantic-cache-lookup", "score-threshold", "high", false)]
    [InlineData("llm-token-limit", "token-quota-period", "Monthly", true)]
    [InlineData("llm-token-limit", "token-quota-period", "Fortnightly", false)]
    [InlineData("quota-by-key", "first-period-start", "2024-01-01T00:00:00Z", true)]
    [InlineData("quota-by-key", "first-period-start", "January", false)]
    [InlineData("send-service-bus-message", "time-to-live", "00:10:00", true)]
    public void Literal_values_are_checked_by_type(string policy, string attribute, string literal, bool valid)
    {
        Assert.Equal(valid, AttributeOf(policy, attribute).AcceptsLiteral(literal));
    }

    [Fact]
    public void Choose_needs_at_least_one_when_and_at_most_one_otherwise()
    {
        // choose-policy: at least one when; otherwise optional and single.
        var choose = ElementOf("choose");

        var when = choose.FindChild("when")!;
        var otherwise = choose.FindChild("otherwise")!;
        Assert.Equal(1, when.MinOccurs);
        Assert.Null(when.MaxOccurs);
        Assert.False(when.AllowsCount(0));
        Assert.Equal(0, otherwise.MinOccurs);
        Assert.Equal(1, otherwise.MaxOccurs);
        Assert.False(otherwise.AllowsCount(2));
        Assert.True(when.Element.FindAttribute("condition")!.Required);
        Assert.Equal(ChildContentKind.Policies, when.Element.Children.Kind);
    }

    [Fact]
    public void Wait_only_takes_send_request_cache_lookup_value_and_choose()
    {
        // wait-policy: immediate children may only be send-request, cache-lookup-value or choose.
        var children = ElementOf("wait").Children;

        Assert.True(children.AllowsPolicy("send-request"));
        Assert.True(children.AllowsPolicy("choose"));
        Assert.False(children.AllowsPolicy("set-header"));
    }

    [Fact]
    public void Retry_body_takes_any_policy()
    {
        Assert.True(ElementOf("retry").Children.AllowsPolicy("forward-request"));
    }

    [Fact]
    public void Shared_sub_elements_are_the_same_specs_as_the_policies()
    {
        var setHeader = ElementOf("set-header");

        Assert.Same(setHeader, ElementOf("return-response").FindChild("set-header")!.Element);
        Assert.Same(setHeader, ElementOf("send-request").FindChild("set-header")!.Element);
        Assert.Same(ElementOf("set-body"), ElementOf("send-one-way-request").FindChild("set-body")!.Element);
        Assert.Same(ElementOf("validate-jwt").FindChild("required-claims")!.Element,
            ElementOf("validate-azure-ad-token").FindChild("required-claims")!.Element);
    }

    [Fact]
    public void Set_header_values_are_optional_for_delete()
    {
        // set-header-policy: exists-action="delete" needs no <value>.
        Assert.Equal(0, ElementOf("set-header").FindChild("value")!.MinOccurs);
        Assert.Equal(TextContent.RequiredValue, ElementOf("set-header").FindChild("value")!.Element.Text);
    }

    [Fact]
    public void Text_rules_distinguish_required_expression_text()
    {
        Assert.Equal(TextContent.RequiredValue, ElementOf("set-method").Text);
        Assert.Equal(TextContent.RequiredValue, ElementOf("log-to-eventhub").Text);
        Assert.Equal(TextContent.None, ElementOf("forward-request").Text);
        Assert.True(ElementOf("set-body").Text.AllowsExpressions);
    }

    [Theory]
    [InlineData("xsl-transform")]
    [InlineData("cross-domain")]
    public void Foreign_xml_content_is_accepted_as_is(string policy)
    {
        Assert.Equal(ChildContentKind.AnyXml, ElementOf(policy).Children.Kind);
    }

    [Fact]
    public void Emit_metric_takes_one_to_ten_dimensions()
    {
        // emit-metric-policy: at least one dimension, at most 10 custom dimensions.
        var dimension = ElementOf("emit-metric").FindChild("dimension")!;

        Assert.Equal(1, dimension.MinOccurs);
        Assert.Equal(10, dimension.MaxOccurs);
        Assert.False(dimension.Element.FindAttribute("value")!.Required);
    }
}
