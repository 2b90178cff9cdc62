namespace ApimAiGateway.Harness.Policies;

/// <summary>
/// Everything the harness knows statically about one APIM policy: its element schema and where it may be used.
/// One subclass per policy in <c>Policies/Definitions</c>, named after the element; the executor adds the policy's
/// runtime behaviour to the same class.
/// </summary>
public abstract class PolicyDefinition
{
    private const string DocumentationRoot = "https://learn.microsoft.com/azure/api-management/";

    /// <param name="element">The policy's root element schema; its name is the policy name.</param>
    /// <param name="summary">One line saying what the policy does.</param>
    /// <param name="sections">Sections the reference page's Usage lists.</param>
    /// <param name="scopes">Scopes the reference page's Usage lists.</param>
    /// <param name="occurrence">Once-per restriction from the usage notes.</param>
    /// <param name="documentationPage">Page name under learn.microsoft.com/azure/api-management when it is not
    /// <c>&lt;name&gt;-policy</c>.</param>
    protected PolicyDefinition(
        ElementSpec element,
        string summary,
        PolicySections sections,
        PolicyScopes scopes,
        PolicyOccurrence occurrence = PolicyOccurrence.Unlimited,
        string? documentationPage = null)
    {
        Element = element;
        Summary = summary;
        Sections = sections;
        Scopes = scopes;
        Occurrence = occurrence;
        DocumentationLink = new Uri(DocumentationRoot + (documentationPage ?? element.Name + "-policy"));
    }

    public string Name => Element.Name;

    public ElementSpec Element { get; }

    public string Summary { get; }

    public PolicySections Sections { get; }

    public PolicyScopes Scopes { get; }

    public PolicyOccurrence Occurrence { get; }

    public Uri DocumentationLink { get; }

    public bool OncePerSection => Occurrence == PolicyOccurrence.OncePerSection;

    public bool OncePerDocument => Occurrence == PolicyOccurrence.OncePerDocument;

    /// <summary>
    /// Whether the policy may appear inside a policy fragment. Fragments may not contain <c>base</c> and may not
    /// include other fragments (policy-fragments, apim-reference §3.3).
    /// </summary>
    public virtual bool AllowedInFragments => true;

    public bool IsAllowedIn(PolicySections section) => section != PolicySections.None && (Sections & section) == section;

    public bool IsAllowedIn(PolicyScopes scope) => scope != PolicyScopes.None && (Scopes & scope) == scope;

    public override string ToString() => Name;
}
