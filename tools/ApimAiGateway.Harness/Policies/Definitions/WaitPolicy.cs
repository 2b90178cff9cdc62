using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>wait (wait-policy 2024-07; apim-reference §4.15).</summary>
public sealed class WaitPolicy() : PolicyDefinition(
    Policy("wait")
        .Enumeration("for", ["all", "any"], defaultValue: "all")
        .Policies("send-request", "cache-lookup-value", "choose")
        .Build(),
    "Runs the enclosed send-request, cache-lookup-value or choose policies in parallel and waits for them.",
    PolicySections.Inbound | PolicySections.Backend | PolicySections.Outbound,
    PolicyScopes.All);
