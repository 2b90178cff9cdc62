namespace ApimAiGateway.Harness.Policies;

/// <summary>What kind of element content an element has.</summary>
public enum ChildContentKind
{
    /// <summary>No child elements.</summary>
    None,

    /// <summary>Only the listed child elements.</summary>
    Elements,

    /// <summary>
    /// Policy statements allowed in the enclosing section (as in <c>when</c>, <c>retry</c>), optionally restricted to
    /// <see cref="ChildContent.AllowedPolicies"/>, plus any listed child elements.
    /// </summary>
    Policies,

    /// <summary>
    /// Arbitrary XML that is not policy markup (an XSLT stylesheet, a Flash cross-domain file) or a deep schema the
    /// catalog deliberately does not model; the linter accepts anything inside.
    /// </summary>
    AnyXml,
}
