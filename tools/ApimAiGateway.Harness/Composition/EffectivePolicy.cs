using ApimAiGateway.Harness.Policies;

namespace ApimAiGateway.Harness.Composition;

/// <summary>
/// The fully expanded policy of one request path ("Calculate effective policy" in the portal): per section, the
/// policies in the order they run, every <c>&lt;base/&gt;</c> replaced by its parent scope's section.
/// </summary>
public sealed class EffectivePolicy(IReadOnlyDictionary<PolicySections, IReadOnlyList<ComposedPolicy>> sections)
{
    public IReadOnlyList<ComposedPolicy> Inbound => this[PolicySections.Inbound];

    public IReadOnlyList<ComposedPolicy> Backend => this[PolicySections.Backend];

    public IReadOnlyList<ComposedPolicy> Outbound => this[PolicySections.Outbound];

    public IReadOnlyList<ComposedPolicy> OnError => this[PolicySections.OnError];

    public IReadOnlyList<ComposedPolicy> this[PolicySections section] => sections.TryGetValue(section, out var policies) ? policies : [];
}
