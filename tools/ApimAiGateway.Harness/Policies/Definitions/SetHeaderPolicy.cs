using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>set-header (set-header-policy 2024-03; apim-reference §4.2).</summary>
public sealed class SetHeaderPolicy() : PolicyDefinition(
    Spec,
    "Adds, replaces, appends to or deletes an HTTP header.",
    PolicySections.All,
    PolicyScopes.All)
{
    /// <summary>Also the <c>&lt;set-header&gt;</c> child of return-response and the send-request policies.</summary>
    public static ElementSpec Spec { get; } = Policy("set-header")
        .Attribute("name", required: true)
        .Enumeration("exists-action", ["override", "skip", "append", "delete"], defaultValue: "override")
        .Child(SharedElements.Value)
        .Build();
}
