using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>set-variable (set-variable-policy 2024-07; apim-reference §4.1).</summary>
public sealed class SetVariablePolicy() : PolicyDefinition(
    Policy("set-variable")
        .Attribute("name", required: true, expressions: false)
        .Attribute("value", required: true)
        .Build(),
    "Stores a value in a named context variable.",
    PolicySections.All,
    PolicyScopes.All);
