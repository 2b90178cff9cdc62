using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>set-status (set-status-policy 2022-12; apim-reference §4.5).</summary>
public sealed class SetStatusPolicy() : PolicyDefinition(
    Spec,
    "Sets the HTTP status code and reason phrase.",
    PolicySections.All,
    // The 2022 page lists G P A O; it predates workspaces, which accept it.
    PolicyScopes.All)
{
    /// <summary>Also the <c>&lt;set-status&gt;</c> child of return-response.</summary>
    public static ElementSpec Spec { get; } = Policy("set-status")
        .Integer("code", required: true)
        // The page's table marks reason required, yet get-authorization-context-policy's examples return
        // <set-status code="200" /> without one; APIM accepts it and answers with the code's standard phrase.
        .Attribute("reason")
        .Build();
}
