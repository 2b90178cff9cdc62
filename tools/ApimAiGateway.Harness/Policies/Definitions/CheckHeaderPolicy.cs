using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>check-header (check-header-policy 2022-12; apim-reference §4.23).</summary>
public sealed class CheckHeaderPolicy() : PolicyDefinition(
    Policy("check-header")
        .Attribute("name", required: true)
        .Integer("failed-check-httpcode", required: true)
        .Attribute("failed-check-error-message", required: true)
        .Boolean("ignore-case", required: true)
        .Child(SharedElements.Value)
        .Build(),
    "Rejects the request unless a header is present and, optionally, has one of the listed values.",
    PolicySections.Inbound,
    // The 2022 page lists G P A O; it predates workspaces, which accept it.
    PolicyScopes.All);
