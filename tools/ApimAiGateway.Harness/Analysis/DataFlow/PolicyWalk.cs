using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.Analysis.DataFlow;

/// <summary>How the data-flow checks see a policy: its own expressions, and the policies nested in it that run.</summary>
public sealed class PolicyWalk(PolicyCatalog catalog, FragmentIndex fragments)
{
    public FragmentIndex Fragments => fragments;

    /// <summary>Every element of a document below its root, nested ones included and fragments expanded where included.</summary>
    public IEnumerable<PolicyElement> AllElements(PolicyElement root)
    {
        var pending = new Stack<PolicyElement>(root.Elements.Reverse());
        while (pending.Count > 0)
        {
            var element = pending.Pop();
            if (element.Name == "include-fragment")
            {
                if (FragmentExpander.FragmentOf(element, fragments) is { } fragment)
                {
                    foreach (var inner in fragment.Root.Elements.Reverse())
                    {
                        pending.Push(inner);
                    }
                }

                continue;
            }

            yield return element;
            foreach (var child in element.Elements.Reverse())
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>
    /// The expressions that belong to the policy itself: its attributes and text, and those of its sub-elements
    /// (send-request's set-url, return-response's set-body, ...), but not of policies nested in it.
    /// </summary>
    public IEnumerable<PolicyExpression> OwnExpressions(PolicyElement policy)
    {
        foreach (var expression in ExpressionsOf(policy))
        {
            yield return expression;
        }

        foreach (var child in policy.Elements.Where(child => !IsNestedFlow(policy, child)))
        {
            foreach (var expression in SelfAndDescendants(child).SelectMany(ExpressionsOf))
            {
                yield return expression;
            }
        }
    }

    /// <summary>The policies that run inside <paramref name="policy"/> in sequence (retry, wait, limit-concurrency, ...).</summary>
    public IEnumerable<PolicyElement> NestedPolicies(PolicyElement policy) =>
        FragmentExpander.Expand(policy.Elements.Where(child => IsNestedFlow(policy, child) && catalog.TryGet(child.Name, out _)), fragments);

    private bool IsNestedFlow(PolicyElement parent, PolicyElement child)
    {
        if (!catalog.TryGet(parent.Name, out var definition))
        {
            return false;
        }

        var listed = definition.Element.FindChild(child.Name);
        return listed is not null
            ? listed.Element.Children.Kind == ChildContentKind.Policies
            : definition.Element.Children.Kind == ChildContentKind.Policies;
    }

    private static IEnumerable<PolicyElement> SelfAndDescendants(PolicyElement element) =>
        element.Elements.SelectMany(SelfAndDescendants).Prepend(element);

    /// <summary>The expressions in the element's own attributes and text.</summary>
    public static IEnumerable<PolicyExpression> ExpressionsOf(PolicyElement element)
    {
        foreach (var attribute in element.Attributes)
        {
            if (attribute.Value.Expression is { } expression)
            {
                yield return expression;
            }
        }

        if (element.Text?.Expression is { } text)
        {
            yield return text;
        }
    }
}
