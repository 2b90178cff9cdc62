namespace ApimAiGateway.Harness.Policies;

/// <summary>The element content of an element.</summary>
/// <param name="Kind">What kind of content is allowed.</param>
/// <param name="Elements">The listed child elements (for <see cref="ChildContentKind.Elements"/> and in addition to
/// policies for <see cref="ChildContentKind.Policies"/>).</param>
/// <param name="AllowedPolicies">For <see cref="ChildContentKind.Policies"/>: the only policies allowed as direct
/// children, or empty when every policy of the enclosing section is allowed.</param>
public sealed record ChildContent(
    ChildContentKind Kind,
    IReadOnlyList<ChildElement> Elements,
    IReadOnlyList<string> AllowedPolicies)
{
    public static ChildContent None { get; } = new(ChildContentKind.None, [], []);

    public static ChildContent AnyPolicy { get; } = new(ChildContentKind.Policies, [], []);

    public static ChildContent AnyXml { get; } = new(ChildContentKind.AnyXml, [], []);

    public ChildElement? FindElement(string name) => Elements.FirstOrDefault(e => e.Name == name);

    /// <summary>Whether a policy named <paramref name="policyName"/> may be a direct child here.</summary>
    public bool AllowsPolicy(string policyName) =>
        Kind == ChildContentKind.Policies && (AllowedPolicies.Count == 0 || AllowedPolicies.Contains(policyName));
}
