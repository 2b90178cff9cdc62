using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Harness.Tests.Policies;

public sealed class CatalogCompletenessTests
{
    // Every policy named in apim-reference §3.4 and §4.
    private static readonly string[] ReferenceNames =
    [
        "set-variable", "set-header", "set-query-parameter", "set-body", "set-status", "set-method", "rewrite-uri",
        "set-backend-service", "choose", "return-response", "mock-response", "send-request", "forward-request",
        "retry", "wait", "trace", "emit-metric", "log-to-eventhub", "rate-limit", "rate-limit-by-key", "quota",
        "quota-by-key", "check-header", "ip-filter", "cors", "validate-jwt", "validate-azure-ad-token",
        "authentication-managed-identity", "cache-lookup", "cache-store", "cache-lookup-value", "cache-store-value",
        "cache-remove-value", "llm-token-limit", "azure-openai-token-limit", "llm-emit-token-metric",
        "azure-openai-emit-token-metric", "llm-semantic-cache-lookup", "azure-openai-semantic-cache-lookup",
        "llm-semantic-cache-store", "azure-openai-semantic-cache-store", "llm-content-safety", "include-fragment",
    ];

    // The policy reference index and table of contents (api-management-policies, TOC.yml 2026) beyond the above.
    private static readonly string[] OtherDocumentedNames =
    [
        "base", "authentication-basic", "authentication-certificate", "get-authorization-context",
        "validate-content", "validate-headers", "validate-parameters", "validate-status-code",
        "validate-client-certificate", "validate-odata-request", "validate-graphql-request", "json-to-xml",
        "xml-to-json", "find-and-replace", "redirect-content-urls", "xsl-transform", "jsonp", "cross-domain", "proxy",
        "limit-concurrency", "send-one-way-request", "send-service-bus-message", "set-graphql-resolver",
        "http-data-source", "sql-data-source", "cosmosdb-data-source", "publish-event", "invoke-dapr-binding",
        "publish-to-dapr",
    ];

    public static TheoryData<string> ReferencePolicies => new(ReferenceNames);

    public static TheoryData<string> OtherDocumentedPolicies => new(OtherDocumentedNames);

    [Theory]
    [MemberData(nameof(ReferencePolicies))]
    [MemberData(nameof(OtherDocumentedPolicies))]
    public void Documented_policy_is_registered(string name)
    {
        Assert.True(PolicyCatalog.Default.TryGet(name, out var definition), $"'{name}' is not in the catalog.");
        Assert.Equal(name, definition.Name);
    }

    [Fact]
    public void Catalog_holds_exactly_the_documented_policies()
    {
        var documented = ReferenceNames.Concat(OtherDocumentedNames).Order(StringComparer.Ordinal);

        Assert.Equal(documented, PolicyCatalog.Default.All.Select(d => d.Name));
    }

    [Fact]
    public void Every_definition_has_a_summary_a_doc_link_and_a_usage()
    {
        foreach (var definition in PolicyCatalog.Default.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(definition.Summary), definition.Name);
            Assert.StartsWith("https://learn.microsoft.com/azure/api-management/", definition.DocumentationLink.AbsoluteUri);
            Assert.NotEqual(PolicySections.None, definition.Sections);
            Assert.NotEqual(PolicyScopes.None, definition.Scopes);
        }
    }

    [Fact]
    public void Definition_class_is_named_after_its_element()
    {
        foreach (var definition in PolicyCatalog.Default.All)
        {
            var pascal = string.Concat(definition.Name.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            Assert.Equal(pascal + "Policy", definition.GetType().Name, StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Every_policy_accepts_the_id_attribute_used_by_LastError_PolicyId()
    {
        // apim-reference §3.1: the optional id attribute may be put on any policy element.
        Assert.All(PolicyCatalog.Default.All, d => Assert.NotNull(d.Element.FindAttribute("id")));
    }

    [Fact]
    public void Documentation_link_follows_the_policy_page_naming()
    {
        Assert.True(PolicyCatalog.Default.TryGet("llm-token-limit", out var definition));

        Assert.Equal("https://learn.microsoft.com/azure/api-management/llm-token-limit-policy", definition.DocumentationLink.AbsoluteUri);
    }
}
