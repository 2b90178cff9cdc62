using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>log-to-eventhub (log-to-eventhub-policy 2024-07; apim-reference §4.18).</summary>
public sealed class LogToEventhubPolicy() : PolicyDefinition(
    Policy("log-to-eventhub")
        // The page says no expressions for logger-id, the policy toolkit allows them; accepted.
        .Attribute("logger-id", required: true)
        .Attribute("partition-id", expressions: false)
        .Attribute("partition-key")
        .Rule(AttributeRuleKind.MutuallyExclusive, "partition-id", "partition-key")
        .Text(TextContent.RequiredValue)
        .Build(),
    "Sends a message to an event hub through a logger entity.",
    PolicySections.All,
    // The page lists G P A O; it predates workspaces, which accept it.
    PolicyScopes.All);
