using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>Sub-elements that several policies share, declared once so that every policy means the same thing by them.</summary>
public static class SharedElements
{
    /// <summary><c>&lt;value&gt;</c>: one value of a header, query parameter or claim.</summary>
    public static ElementSpec Value { get; } = Element("value").Text(TextContent.RequiredValue).Build();

    /// <summary><c>&lt;set-url&gt;</c> of send-request, send-one-way-request and http-data-source's http-request.</summary>
    public static ElementSpec SetUrl { get; } = Element("set-url").Text(TextContent.RequiredValue).Build();

    /// <summary><c>&lt;audiences&gt;&lt;audience/&gt;</c> of validate-jwt and validate-azure-ad-token: any one must match.</summary>
    public static ElementSpec Audiences { get; } = Element("audiences")
        .Child(Element("audience").Text(TextContent.RequiredValue).Build(), minOccurs: 1)
        .Build();

    /// <summary>
    /// <c>&lt;required-claims&gt;&lt;claim name match separator&gt;&lt;value/&gt;</c> of validate-jwt and
    /// validate-azure-ad-token; <c>match</c> defaults to <c>all</c>.
    /// </summary>
    public static ElementSpec RequiredClaims { get; } = Element("required-claims")
        .Child(
            Element("claim")
                .Attribute("name", required: true)
                .Enumeration("match", ["all", "any"], defaultValue: "all")
                .Attribute("separator")
                .Child(Value)
                .Build(),
            minOccurs: 1)
        .Build();

    /// <summary>
    /// <c>&lt;dimension name value/&gt;</c> of emit-metric and the token-metric policies. <c>value</c> may be omitted
    /// for the default dimensions (API ID, Operation ID, ...), which the gateway fills in (emit-metric-policy).
    /// </summary>
    public static ElementSpec MetricDimension { get; } = Element("dimension")
        .Attribute("name", required: true)
        .Attribute("value")
        .Build();

    /// <summary>
    /// Up to 10 dimensions (emit-metric-policy, azure-openai-emit-token-metric-policy). The 2026 llm-emit-token-metric
    /// page says 5; the larger bound is kept so that no accepted policy is reported.
    /// </summary>
    public const int MaxMetricDimensions = 10;

    /// <summary>The parts of the request send-request and send-one-way-request build, in the order the docs list them.</summary>
    /// <remarks>set-url and set-method are required unless mode="copy"; that depends on a value, so they stay optional.</remarks>
    public static ElementSpecBuilder RequestParts(this ElementSpecBuilder builder) => builder
        .Child(SetUrl, maxOccurs: 1)
        .Child(SetMethodPolicy.Spec, maxOccurs: 1)
        .Child(SetHeaderPolicy.Spec)
        .Child(SetBodyPolicy.Spec, maxOccurs: 1)
        .Child(AuthenticationCertificatePolicy.Spec, maxOccurs: 1)
        .Child(AuthenticationManagedIdentityPolicy.Spec, maxOccurs: 1)
        .Child(ProxyPolicy.Spec, maxOccurs: 1);
}
