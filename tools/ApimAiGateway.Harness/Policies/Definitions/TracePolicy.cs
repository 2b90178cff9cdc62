using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>trace (trace-policy 2022-11; apim-reference §4.16).</summary>
public sealed class TracePolicy() : PolicyDefinition(
    Policy("trace")
        // The page calls source a "string literal" but does not say expressions are refused; accepted.
        .Attribute("source", required: true)
        .Enumeration("severity", ["verbose", "information", "error"], defaultValue: "verbose")
        .Child(Element("message").Text(TextContent.RequiredValue).Build(), minOccurs: 1, maxOccurs: 1)
        .Child(Element("metadata").Attribute("name", required: true).Attribute("value", required: true).Build())
        .Build(),
    "Adds a custom trace to request tracing, Application Insights and resource logs.",
    // on-error comes from the error-handling page's list; the 2022 trace page predates workspaces.
    PolicySections.All,
    PolicyScopes.All);
