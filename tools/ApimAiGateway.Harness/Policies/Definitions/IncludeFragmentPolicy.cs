using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>include-fragment (include-fragment-policy; apim-reference §3.3).</summary>
public sealed class IncludeFragmentPolicy() : PolicyDefinition(
    Spec,
    "Inserts a policy fragment at this position.",
    PolicySections.All,
    PolicyScopes.All)
{
    /// <summary>Also a child of sql-data-source.</summary>
    public static ElementSpec Spec { get; } = Policy("include-fragment")
        // No expressions: the fragment is resolved when the policy is saved (MicrosoftDocs/azure-docs#103799).
        .Attribute("fragment-id", required: true, expressions: false)
        .Build();

    /// <summary>A fragment cannot include another fragment (policy-fragments).</summary>
    public override bool AllowedInFragments => false;
}
