using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>find-and-replace (find-and-replace-policy).</summary>
public sealed class FindAndReplacePolicy() : PolicyDefinition(
    Policy("find-and-replace")
        .Attribute("from", required: true)
        .Attribute("to", required: true)
        .Build(),
    "Replaces a substring of the request or response body.",
    PolicySections.All,
    PolicyScopes.All);
