using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Composition;

/// <summary>One policy of an effective section, with the scope whose document it comes from.</summary>
public sealed record ComposedPolicy(PolicyElement Element, PolicyScopes Scope);
