using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>limit-concurrency (limit-concurrency-policy).</summary>
public sealed class LimitConcurrencyPolicy() : PolicyDefinition(
    Policy("limit-concurrency")
        .Attribute("key", required: true)
        .Integer("max-count", required: true)
        .Policies()
        .Build(),
    "Runs the enclosed policies for at most max-count requests at a time per key.",
    PolicySections.All,
    PolicyScopes.All);
