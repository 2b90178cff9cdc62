using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.Analysis.DataFlow;

/// <summary>Lists a policy's elements in document order with <c>include-fragment</c> replaced by the fragment's policies.</summary>
public static class FragmentExpander
{
    public static IEnumerable<PolicyElement> Expand(IEnumerable<PolicyElement> policies, FragmentIndex fragments)
    {
        foreach (var policy in policies)
        {
            if (policy.Name == "include-fragment")
            {
                // Fragments cannot nest (policy-fragments), so one level of expansion is all there is.
                if (FragmentOf(policy, fragments) is { } fragment)
                {
                    foreach (var inner in fragment.Root.Elements)
                    {
                        yield return inner;
                    }
                }
            }
            else
            {
                yield return policy;
            }
        }
    }

    public static PolicyDocument? FragmentOf(PolicyElement include, FragmentIndex fragments) =>
        include.Attribute("fragment-id")?.Value is { IsExpression: false } id && fragments.TryGet(id.Text.Text.Trim(), out var fragment)
            ? fragment
            : null;
}
