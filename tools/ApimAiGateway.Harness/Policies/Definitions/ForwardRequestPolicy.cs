using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>forward-request (forward-request-policy 2022-11 and newer attributes; apim-reference §4.13).</summary>
public sealed class ForwardRequestPolicy() : PolicyDefinition(
    Policy("forward-request")
        .Integer("timeout", defaultValue: "300")
        .Integer("timeout-ms")
        .Integer("continue-timeout")
        .Enumeration("http-version", ["1", "2", "2or1"], expressions: false, defaultValue: "1")
        .Boolean("follow-redirects", defaultValue: "false")
        .Boolean("buffer-request-body", expressions: false, defaultValue: "false")
        .Boolean("buffer-response", expressions: false, defaultValue: "true")
        .Boolean("fail-on-error-status-code", expressions: false, defaultValue: "false")
        .Rule(AttributeRuleKind.MutuallyExclusive, "timeout", "timeout-ms")
        .Build(),
    "Forwards the request to the backend service.",
    PolicySections.Backend,
    // Not once-per-document: published policies put one forward-request in each branch of a choose.
    PolicyScopes.All);
