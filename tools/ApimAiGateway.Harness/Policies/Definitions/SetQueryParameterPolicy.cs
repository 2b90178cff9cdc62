using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>set-query-parameter (set-query-parameter-policy 2024-07; apim-reference §4.3).</summary>
public sealed class SetQueryParameterPolicy() : PolicyDefinition(
    Policy("set-query-parameter")
        .Attribute("name", required: true)
        .Enumeration("exists-action", ["override", "skip", "append", "delete"], defaultValue: "override")
        // The page marks <value> required, but exists-action="delete" needs none and is saved without one,
        // so zero values are accepted.
        .Child(SharedElements.Value)
        .Build(),
    "Adds, replaces or deletes a request query string parameter.",
    PolicySections.Inbound | PolicySections.Backend,
    PolicyScopes.All);
