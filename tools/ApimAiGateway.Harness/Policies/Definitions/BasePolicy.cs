using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>
/// <c>&lt;base/&gt;</c>: stands for the same section of the next broader scope (api-management-howto-policies,
/// apim-reference §3.2). Not allowed in fragments (policy-fragments).
/// </summary>
public sealed class BasePolicy() : PolicyDefinition(
    Policy("base").Build(),
    "Inserts the same section of the parent scope's policy definition.",
    PolicySections.All,
    PolicyScopes.All,
    documentationPage: "api-management-howto-policies")
{
    public override bool AllowedInFragments => false;
}
