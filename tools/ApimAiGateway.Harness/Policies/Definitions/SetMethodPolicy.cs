using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>set-method (set-method-policy 2022-11; apim-reference §4.6).</summary>
public sealed class SetMethodPolicy() : PolicyDefinition(
    Spec,
    "Changes the HTTP method of the request.",
    PolicySections.Inbound | PolicySections.OnError,
    // The 2022 page lists G P A O; it predates workspaces, which accept it.
    PolicyScopes.All)
{
    /// <summary>Also the <c>&lt;set-method&gt;</c> child of the send-request policies.</summary>
    public static ElementSpec Spec { get; } = Policy("set-method").Text(TextContent.RequiredValue).Build();
}
