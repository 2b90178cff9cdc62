using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Composition;

/// <summary>
/// Composes the documents of a request's scopes (global, workspace, product, API, operation) into its effective
/// policy. Only the narrowest document is "the" policy; in each of its sections <c>&lt;base/&gt;</c> stands for the
/// same section of the next broader document, recursively, and a section without <c>&lt;base/&gt;</c> drops its
/// parents' policies (api-management-howto-policies; apim-reference §3.2). A scope without a document, and a
/// document without a given section, are transparent: the broader section applies as if through a lone
/// <c>&lt;base/&gt;</c>. Fragments are not expanded here: <c>include-fragment</c> runs where it stands.
/// </summary>
public static class PolicyComposer
{
    /// <param name="chain">The documents from the broadest scope to the narrowest.</param>
    public static EffectivePolicy Compose(IReadOnlyList<ScopedPolicyDocument> chain)
    {
        var sections = new Dictionary<PolicySections, IReadOnlyList<ComposedPolicy>>();
        foreach (var (name, section) in PolicySectionNames.All)
        {
            var policies = new List<ComposedPolicy>();
            AppendSection(chain, chain.Count - 1, name, policies);
            sections[section] = policies;
        }

        return new EffectivePolicy(sections);
    }

    private static void AppendSection(IReadOnlyList<ScopedPolicyDocument> chain, int level, string sectionName, List<ComposedPolicy> policies)
    {
        if (level < 0)
        {
            return;
        }

        var (scope, document) = chain[level];
        var section = document.Root.ElementsNamed(sectionName).FirstOrDefault();
        if (section is null)
        {
            AppendSection(chain, level - 1, sectionName, policies);
            return;
        }

        foreach (var element in section.Elements)
        {
            if (element.Name == "base")
            {
                AppendSection(chain, level - 1, sectionName, policies);
            }
            else
            {
                policies.Add(new ComposedPolicy(element, scope));
            }
        }
    }
}
