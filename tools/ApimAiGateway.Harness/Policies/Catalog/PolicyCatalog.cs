using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Policies.Definitions;

namespace ApimAiGateway.Harness.Policies;

/// <summary>
/// The registry of every APIM policy the harness knows, by element name. The linter reads schemas and usage rules
/// from it; the executor finds each policy's behaviour through it.
/// </summary>
public sealed class PolicyCatalog
{
    private static readonly Lazy<PolicyCatalog> DefaultCatalog = new(() => new PolicyCatalog(BuiltInPolicies()));

    private readonly Dictionary<string, PolicyDefinition> _byName = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="definitions"/>; a name registered twice is a startup error.</summary>
    /// <exception cref="InvalidOperationException">Two definitions share an element name.</exception>
    public PolicyCatalog(IEnumerable<PolicyDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            if (!_byName.TryAdd(definition.Name, definition))
            {
                throw new InvalidOperationException(
                    $"Policy '{definition.Name}' is registered twice: by {_byName[definition.Name].GetType().Name} " +
                    $"and by {definition.GetType().Name}. Each policy element must have exactly one definition.");
            }
        }

        All = _byName.Values.OrderBy(d => d.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every policy APIM documents (learn.microsoft.com API Management policy reference).</summary>
    public static PolicyCatalog Default => DefaultCatalog.Value;

    /// <summary>All definitions, ordered by name.</summary>
    public IReadOnlyList<PolicyDefinition> All { get; }

    /// <summary>Element names are case-sensitive in XML, so lookup is too.</summary>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PolicyDefinition? definition) =>
        _byName.TryGetValue(name, out definition);

    /// <summary>The known policy name closest to <paramref name="unknownName"/>, or null when none is close.</summary>
    public string? SuggestPolicy(string unknownName) => NameSuggester.Suggest(unknownName, _byName.Keys);

    /// <summary>The attribute of <paramref name="element"/> closest to <paramref name="unknownAttribute"/>, or null.</summary>
    public string? SuggestAttribute(ElementSpec element, string unknownAttribute) =>
        NameSuggester.Suggest(unknownAttribute, element.Attributes.Select(a => a.Name));

    /// <summary>The child element of <paramref name="element"/> closest to <paramref name="unknownChild"/>, or null.</summary>
    public string? SuggestChild(ElementSpec element, string unknownChild) =>
        NameSuggester.Suggest(unknownChild, element.Children.Elements.Select(c => c.Name));

    private static IEnumerable<PolicyDefinition> BuiltInPolicies() =>
    [
        new AuthenticationBasicPolicy(),
        new AuthenticationCertificatePolicy(),
        new AuthenticationManagedIdentityPolicy(),
        new AzureOpenAiEmitTokenMetricPolicy(),
        new AzureOpenAiSemanticCacheLookupPolicy(),
        new AzureOpenAiSemanticCacheStorePolicy(),
        new AzureOpenAiTokenLimitPolicy(),
        new BasePolicy(),
        new CacheLookupPolicy(),
        new CacheLookupValuePolicy(),
        new CacheRemoveValuePolicy(),
        new CacheStorePolicy(),
        new CacheStoreValuePolicy(),
        new CheckHeaderPolicy(),
        new ChoosePolicy(),
        new CorsPolicy(),
        new CosmosDbDataSourcePolicy(),
        new CrossDomainPolicy(),
        new EmitMetricPolicy(),
        new FindAndReplacePolicy(),
        new ForwardRequestPolicy(),
        new GetAuthorizationContextPolicy(),
        new HttpDataSourcePolicy(),
        new IncludeFragmentPolicy(),
        new InvokeDaprBindingPolicy(),
        new IpFilterPolicy(),
        new JsonToXmlPolicy(),
        new JsonpPolicy(),
        new LimitConcurrencyPolicy(),
        new LlmContentSafetyPolicy(),
        new LlmEmitTokenMetricPolicy(),
        new LlmSemanticCacheLookupPolicy(),
        new LlmSemanticCacheStorePolicy(),
        new LlmTokenLimitPolicy(),
        new LogToEventhubPolicy(),
        new MockResponsePolicy(),
        new ProxyPolicy(),
        new PublishEventPolicy(),
        new PublishToDaprPolicy(),
        new QuotaByKeyPolicy(),
        new QuotaPolicy(),
        new RateLimitByKeyPolicy(),
        new RateLimitPolicy(),
        new RedirectContentUrlsPolicy(),
        new RetryPolicy(),
        new ReturnResponsePolicy(),
        new RewriteUriPolicy(),
        new SendOneWayRequestPolicy(),
        new SendRequestPolicy(),
        new SendServiceBusMessagePolicy(),
        new SetBackendServicePolicy(),
        new SetBodyPolicy(),
        new SetGraphQLResolverPolicy(),
        new SetHeaderPolicy(),
        new SetMethodPolicy(),
        new SetQueryParameterPolicy(),
        new SetStatusPolicy(),
        new SetVariablePolicy(),
        new SqlDataSourcePolicy(),
        new TracePolicy(),
        new ValidateAzureAdTokenPolicy(),
        new ValidateClientCertificatePolicy(),
        new ValidateContentPolicy(),
        new ValidateGraphQLRequestPolicy(),
        new ValidateHeadersPolicy(),
        new ValidateJwtPolicy(),
        new ValidateODataRequestPolicy(),
        new ValidateParametersPolicy(),
        new ValidateStatusCodePolicy(),
        new WaitPolicy(),
        new XmlToJsonPolicy(),
        new XslTransformPolicy(),
    ];
}
