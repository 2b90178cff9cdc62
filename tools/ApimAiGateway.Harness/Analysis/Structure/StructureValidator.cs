using ApimAiGateway.Harness.Composition;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.Analysis.Structure;

/// <summary>
/// Checks a policy document against the policy catalog the way APIM checks it when the policy is saved: known
/// elements and attributes, required attributes, literal forms, where expressions may stand, which policies may be
/// used in which section and scope, how often, and the fragment rules (apim-reference §1.2, §3, §4).
/// </summary>
public sealed class StructureValidator(PolicyCatalog catalog, FragmentIndex fragments, DiagnosticBag diagnostics)
{
    private const string FragmentRoot = "fragment";
    private const string PoliciesRoot = "policies";

    public void Validate(PolicyDocument document, PolicyScopes scope)
    {
        var root = document.Root;
        RejectText(root);
        RejectAttributes(root);
        if (document.Kind == PolicyDocumentKind.Fragment)
        {
            ValidatePolicies(root, FragmentRoot, PolicySections.All, PolicyScopes.All, inFragment: true);
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in root.Elements)
        {
            if (PolicySectionNames.SectionOf(section.Name) is not { } flag)
            {
                var suggestion = NameSuggester.Suggest(section.Name, PolicySectionNames.All.Select(s => s.Name));
                diagnostics.Add(StructureDiagnostics.ChildElementNotAllowed, section.Location, section.Name, PoliciesRoot, StructureDiagnostics.DidYouMean(suggestion));
                continue;
            }

            if (!seen.Add(section.Name))
            {
                diagnostics.Add(StructureDiagnostics.DuplicateSection, section.Location, section.Name);
            }

            RejectText(section);
            RejectAttributes(section);
            ValidatePolicies(section, section.Name, flag, scope, inFragment: false);
        }

        ValidateOncePerDocument(root);
    }

    private void ValidatePolicies(PolicyElement container, string containerName, PolicySections section, PolicyScopes scope, bool inFragment)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var element in container.Elements)
        {
            if (inFragment && PolicySectionNames.SectionOf(element.Name) is not null)
            {
                diagnostics.Add(StructureDiagnostics.PolicyNotAllowedInFragment, element.Location, element.Name);
                continue;
            }

            if (ValidatePolicy(element, section, scope, inFragment) is { OncePerSection: true } definition
                && (counts[definition.Name] = counts.GetValueOrDefault(definition.Name) + 1) == 2)
            {
                diagnostics.Add(StructureDiagnostics.OncePerSectionViolated, element.Location, definition.Name, containerName);
            }
        }
    }

    private PolicyDefinition? ValidatePolicy(PolicyElement element, PolicySections section, PolicyScopes scope, bool inFragment)
    {
        if (!catalog.TryGet(element.Name, out var definition))
        {
            diagnostics.Add(StructureDiagnostics.UnknownPolicy, element.Location, element.Name, StructureDiagnostics.DidYouMean(catalog.SuggestPolicy(element.Name)));
            return null;
        }

        if (inFragment && !definition.AllowedInFragments)
        {
            diagnostics.Add(StructureDiagnostics.PolicyNotAllowedInFragment, element.Location, element.Name);
        }

        CheckUsage(definition, element.Location, element.Name, section, scope);
        ValidateElement(element, definition.Element, section, scope, inFragment);
        if (definition.Name == "include-fragment")
        {
            ValidateInclude(element, section, scope);
        }

        return definition;
    }

    private void CheckUsage(PolicyDefinition definition, SourceLocation location, string shownName, PolicySections section, PolicyScopes scope)
    {
        if (section != PolicySections.All && !definition.IsAllowedIn(section))
        {
            diagnostics.Add(StructureDiagnostics.PolicyNotAllowedInSection, location, shownName, PolicySectionNames.NameOf(section), Describe(definition.Sections));
        }

        if (scope != PolicyScopes.All && !definition.IsAllowedIn(scope))
        {
            diagnostics.Add(StructureDiagnostics.PolicyNotAllowedInScope, location, shownName, scope.ToString().ToLowerInvariant(), Describe(definition.Scopes));
        }
    }

    /// <summary>
    /// The fragment must exist; and since it is inserted as-is, each of its policies must be allowed where the
    /// include stands (policy-fragments, apim-reference §3.3). Such a breach is reported at the include.
    /// </summary>
    private void ValidateInclude(PolicyElement include, PolicySections section, PolicyScopes scope)
    {
        if (include.Attribute("fragment-id")?.Value is not { IsExpression: false } id)
        {
            return;
        }

        var fragmentId = id.Text.Text.Trim();
        if (!fragments.TryGet(fragmentId, out var fragment))
        {
            var suggestion = NameSuggester.Suggest(fragmentId, fragments.Ids);
            diagnostics.Add(StructureDiagnostics.UnknownFragment, id.Text.Start, fragmentId, StructureDiagnostics.DidYouMean(suggestion));
            return;
        }

        foreach (var policy in fragment.Root.Elements)
        {
            if (catalog.TryGet(policy.Name, out var definition))
            {
                CheckUsage(definition, include.Location, $"{policy.Name}' (from fragment '{fragmentId}')", section, scope);
            }
        }
    }

    private void ValidateElement(PolicyElement element, ElementSpec spec, PolicySections section, PolicyScopes scope, bool inFragment)
    {
        ValidateAttributes(element, spec);
        ValidateText(element, spec);
        switch (spec.Children.Kind)
        {
            case ChildContentKind.AnyXml:
                return;
            case ChildContentKind.None:
                foreach (var child in element.Elements)
                {
                    diagnostics.Add(StructureDiagnostics.ChildElementNotAllowed, child.Location, child.Name, element.Name, string.Empty);
                }

                return;
        }

        var policies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var child in element.Elements)
        {
            if (spec.FindChild(child.Name) is { } listed)
            {
                ValidateElement(child, listed.Element, section, scope, inFragment);
            }
            else if (spec.Children.Kind == ChildContentKind.Policies && catalog.TryGet(child.Name, out _))
            {
                if (!spec.Children.AllowsPolicy(child.Name))
                {
                    diagnostics.Add(StructureDiagnostics.PolicyNotAllowedAsChild, child.Location, child.Name, element.Name, string.Join(", ", spec.Children.AllowedPolicies));
                }
                else if (ValidatePolicy(child, section, scope, inFragment) is { OncePerSection: true } definition
                         && (policies[definition.Name] = policies.GetValueOrDefault(definition.Name) + 1) == 2)
                {
                    diagnostics.Add(StructureDiagnostics.OncePerSectionViolated, child.Location, definition.Name, element.Name);
                }
            }
            else if (spec.Children.Kind == ChildContentKind.Policies)
            {
                diagnostics.Add(StructureDiagnostics.UnknownPolicy, child.Location, child.Name, StructureDiagnostics.DidYouMean(catalog.SuggestPolicy(child.Name) ?? catalog.SuggestChild(spec, child.Name)));
            }
            else
            {
                diagnostics.Add(StructureDiagnostics.ChildElementNotAllowed, child.Location, child.Name, element.Name, StructureDiagnostics.DidYouMean(catalog.SuggestChild(spec, child.Name)));
            }
        }

        ValidateChildCounts(element, spec);
    }

    private void ValidateChildCounts(PolicyElement element, ElementSpec spec)
    {
        foreach (var allowed in spec.Children.Elements)
        {
            var present = element.ElementsNamed(allowed.Name).ToList();
            if (present.Count < allowed.MinOccurs)
            {
                diagnostics.Add(StructureDiagnostics.TooFewChildElements, element.Location, allowed.Name, element.Name, allowed.MinOccurs);
            }
            else if (allowed.MaxOccurs is { } max && present.Count > max)
            {
                diagnostics.Add(StructureDiagnostics.TooManyChildElements, present[max].Location, allowed.Name, element.Name, max);
            }
        }
    }

    private void ValidateAttributes(PolicyElement element, ElementSpec spec)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in element.Attributes)
        {
            present.Add(attribute.Name);
            if (spec.FindAttribute(attribute.Name) is not { } attributeSpec)
            {
                diagnostics.Add(StructureDiagnostics.UnknownAttribute, attribute.Location, attribute.Name, element.Name, StructureDiagnostics.DidYouMean(catalog.SuggestAttribute(spec, attribute.Name)));
            }
            else if (attribute.Value.IsExpression)
            {
                if (!attributeSpec.AllowsExpressions)
                {
                    diagnostics.Add(StructureDiagnostics.ExpressionNotAllowed, attribute.Value.Expression!.Location, attribute.Name, element.Name);
                }
            }
            else if (!attributeSpec.AcceptsLiteral(attribute.Value.Text.Text))
            {
                diagnostics.Add(StructureDiagnostics.InvalidAttributeValue, attribute.Value.Text.Start, attribute.Value.Text.Text, attribute.Name, element.Name, ExpectedForm(attributeSpec));
            }
        }

        foreach (var required in spec.RequiredAttributes.Where(a => !present.Contains(a.Name)))
        {
            diagnostics.Add(StructureDiagnostics.MissingRequiredAttribute, element.Location, required.Name, element.Name);
        }

        foreach (var rule in spec.Rules.Where(r => !r.IsSatisfiedBy(present)))
        {
            var descriptor = rule.Kind switch
            {
                AttributeRuleKind.ExactlyOneOf => StructureDiagnostics.ExactlyOneAttributeRequired,
                AttributeRuleKind.AtLeastOneOf => StructureDiagnostics.AtLeastOneAttributeRequired,
                AttributeRuleKind.MutuallyExclusive => StructureDiagnostics.AttributesMutuallyExclusive,
                _ => StructureDiagnostics.AttributesRequiredTogether,
            };
            diagnostics.Add(descriptor, element.Location, element.Name, rule.DescribeAttributes());
        }
    }

    private void ValidateText(PolicyElement element, ElementSpec spec)
    {
        if (spec.Children.Kind == ChildContentKind.AnyXml)
        {
            return;
        }

        if (element.Text is not { } text)
        {
            if (spec.Text.Required)
            {
                diagnostics.Add(StructureDiagnostics.TextRequired, element.Location, element.Name);
            }
        }
        else if (!spec.Text.AllowsText)
        {
            diagnostics.Add(StructureDiagnostics.TextNotAllowed, text.Text.Start, element.Name);
        }
        else if (text.IsExpression && !spec.Text.AllowsExpressions)
        {
            diagnostics.Add(StructureDiagnostics.ExpressionNotAllowedInText, text.Expression!.Location, element.Name);
        }
    }

    private void ValidateOncePerDocument(PolicyElement root)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in Descendants(root))
        {
            if (catalog.TryGet(element.Name, out var definition) && definition.OncePerDocument && !seen.Add(element.Name))
            {
                diagnostics.Add(StructureDiagnostics.OncePerDocumentViolated, element.Location, element.Name);
            }
        }
    }

    private void RejectText(PolicyElement element)
    {
        if (element.Text is { } text)
        {
            diagnostics.Add(StructureDiagnostics.TextNotAllowed, text.Text.Start, element.Name);
        }
    }

    private void RejectAttributes(PolicyElement element)
    {
        foreach (var attribute in element.Attributes)
        {
            diagnostics.Add(StructureDiagnostics.UnknownAttribute, attribute.Location, attribute.Name, element.Name, string.Empty);
        }
    }

    private static IEnumerable<PolicyElement> Descendants(PolicyElement element)
    {
        var pending = new Stack<PolicyElement>();
        pending.Push(element);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            foreach (var child in current.Elements)
            {
                yield return child;
                pending.Push(child);
            }
        }
    }

    private static string ExpectedForm(AttributeSpec spec) => spec.ValueType switch
    {
        AttributeValueType.Integer => "an integer",
        AttributeValueType.Boolean => "true or false",
        AttributeValueType.Number => "a number",
        AttributeValueType.Enumeration => "one of: " + string.Join(", ", spec.AllowedValues),
        AttributeValueType.TimeSpan => "a time span",
        AttributeValueType.DateTime => "a date and time",
        _ => "a string",
    };

    private static string Describe<TFlags>(TFlags flags) where TFlags : struct, Enum =>
        string.Join(", ", Enum.GetValues<TFlags>()
            .Where(f => Convert.ToInt32(f, System.Globalization.CultureInfo.InvariantCulture) is var bit && bit != 0 && (bit & (bit - 1)) == 0 && flags.HasFlag(f))
            .Select(f => f.ToString().ToLowerInvariant()));
}
