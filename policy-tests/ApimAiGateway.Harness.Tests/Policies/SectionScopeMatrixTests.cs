using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Harness.Tests.Policies;

/// <summary>Pins the section/scope matrix of apim-reference §3.4 (from each policy page's Usage section).</summary>
public sealed class SectionScopeMatrixTests
{
    private const PolicySections In = PolicySections.Inbound;
    private const PolicySections Be = PolicySections.Backend;
    private const PolicySections Out = PolicySections.Outbound;
    private const PolicySections Err = PolicySections.OnError;
    private const PolicyScopes GPAO = PolicyScopes.Global | PolicyScopes.Product | PolicyScopes.Api | PolicyScopes.Operation;

    public static TheoryData<string, PolicySections, PolicyScopes> Matrix => new()
    {
        { "set-variable", PolicySections.All, PolicyScopes.All },
        { "set-query-parameter", In | Be, PolicyScopes.All },
        { "set-method", In | Err, PolicyScopes.All },
        { "rewrite-uri", In, PolicyScopes.All },
        { "set-backend-service", In | Be, PolicyScopes.All },
        { "mock-response", In | Out | Err, PolicyScopes.All },
        { "forward-request", Be, PolicyScopes.All },
        { "wait", In | Be | Out, PolicyScopes.All },
        // on-error is in the error-handling page's whitelist (union of the on-error lists).
        { "trace", PolicySections.All, PolicyScopes.All },
        { "rate-limit", In, PolicyScopes.Product | PolicyScopes.Api | PolicyScopes.Operation },
        { "quota", In, PolicyScopes.Product },
        { "cache-lookup", In, PolicyScopes.All },
        { "cache-store", Out, PolicyScopes.All },
        { "cache-lookup-value", PolicySections.All, PolicyScopes.All },
        { "llm-token-limit", In, PolicyScopes.All },
        { "llm-semantic-cache-store", Out, GPAO },
        { "azure-openai-semantic-cache-store", Out, GPAO },
        { "llm-content-safety", In | Out, PolicyScopes.All & ~PolicyScopes.Operation },
        { "include-fragment", PolicySections.All, PolicyScopes.All },
        // Error-handling page's on-error list.
        { "limit-concurrency", PolicySections.All, PolicyScopes.All },
        { "json-to-xml", In | Out | Err, PolicyScopes.All },
        { "send-one-way-request", PolicySections.All, PolicyScopes.All },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Usage_matches_the_reference(string name, PolicySections sections, PolicyScopes scopes)
    {
        Assert.True(PolicyCatalog.Default.TryGet(name, out var definition));

        Assert.Equal(sections, definition.Sections);
        Assert.Equal(scopes, definition.Scopes);
    }

    [Fact]
    public void Every_policy_of_the_error_handling_whitelist_is_allowed_in_on_error()
    {
        // api-management-error-handling-policies: policies usable in on-error.
        string[] whitelist =
        [
            "choose", "set-variable", "find-and-replace", "return-response", "set-header", "set-method", "set-status",
            "send-request", "send-one-way-request", "log-to-eventhub", "json-to-xml", "xml-to-json",
            "limit-concurrency", "mock-response", "retry", "trace",
        ];

        Assert.All(whitelist, name =>
        {
            Assert.True(PolicyCatalog.Default.TryGet(name, out var definition));
            Assert.True(definition.IsAllowedIn(PolicySections.OnError), name);
        });
    }

    [Fact]
    public void IsAllowedIn_checks_a_single_section_and_scope()
    {
        Assert.True(PolicyCatalog.Default.TryGet("rate-limit", out var rateLimit));

        Assert.True(rateLimit.IsAllowedIn(PolicySections.Inbound));
        Assert.False(rateLimit.IsAllowedIn(PolicySections.Outbound));
        Assert.False(rateLimit.IsAllowedIn(PolicyScopes.Global));
        Assert.True(rateLimit.IsAllowedIn(PolicyScopes.Operation));
        Assert.False(rateLimit.IsAllowedIn(PolicySections.None));
    }

    [Theory]
    [InlineData("http-data-source")]
    [InlineData("sql-data-source")]
    [InlineData("cosmosdb-data-source")]
    [InlineData("publish-event")]
    public void Resolver_policies_are_only_allowed_in_GraphQL_resolvers(string name)
    {
        Assert.True(PolicyCatalog.Default.TryGet(name, out var definition));

        Assert.Equal(PolicyScopes.GraphQLResolver, definition.Scopes);
        Assert.False(definition.IsAllowedIn(PolicyScopes.Api));
    }

    [Theory]
    [InlineData("rate-limit", PolicyOccurrence.OncePerDocument)]
    [InlineData("quota", PolicyOccurrence.OncePerDocument)]
    [InlineData("cors", PolicyOccurrence.OncePerSection)]
    [InlineData("cache-lookup", PolicyOccurrence.OncePerSection)]
    [InlineData("cache-store", PolicyOccurrence.OncePerSection)]
    [InlineData("cache-store-value", PolicyOccurrence.Unlimited)]
    [InlineData("llm-semantic-cache-lookup", PolicyOccurrence.OncePerSection)]
    [InlineData("azure-openai-semantic-cache-store", PolicyOccurrence.OncePerSection)]
    // apim-reference §3.4: token limit, token metric and content safety may be used multiple times.
    [InlineData("llm-token-limit", PolicyOccurrence.Unlimited)]
    [InlineData("azure-openai-emit-token-metric", PolicyOccurrence.Unlimited)]
    [InlineData("llm-content-safety", PolicyOccurrence.Unlimited)]
    [InlineData("forward-request", PolicyOccurrence.Unlimited)]
    public void Once_per_restrictions_match_the_usage_notes(string name, PolicyOccurrence occurrence)
    {
        Assert.True(PolicyCatalog.Default.TryGet(name, out var definition));

        Assert.Equal(occurrence, definition.Occurrence);
        Assert.Equal(occurrence == PolicyOccurrence.OncePerSection, definition.OncePerSection);
        Assert.Equal(occurrence == PolicyOccurrence.OncePerDocument, definition.OncePerDocument);
    }

    [Theory]
    [InlineData("base")]
    [InlineData("include-fragment")]
    public void Base_and_include_fragment_are_not_allowed_in_fragments(string name)
    {
        // policy-fragments: fragments cannot contain <base/> nor include another fragment (apim-reference §3.3).
        Assert.True(PolicyCatalog.Default.TryGet(name, out var definition));

        Assert.False(definition.AllowedInFragments);
    }

    [Fact]
    public void Ordinary_policies_are_allowed_in_fragments()
    {
        Assert.True(PolicyCatalog.Default.TryGet("set-header", out var definition));

        Assert.True(definition.AllowedInFragments);
    }
}
