using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>llm-content-safety (llm-content-safety-policy 2026-03; apim-reference §4.34).</summary>
public sealed class LlmContentSafetyPolicy() : PolicyDefinition(
    Policy("llm-content-safety")
        .Attribute("backend-id", required: true)
        .Boolean("shield-prompt", defaultValue: "false")
        .Boolean("enforce-on-completions", defaultValue: "false")
        .Integer("window-size")
        .Integer("window-overlap-size", defaultValue: "0")
        .Child(
            Element("categories")
                .Enumeration("output-type", ["FourSeverityLevels", "EightSeverityLevels"], defaultValue: "FourSeverityLevels")
                .Child(
                    Element("category")
                        .Enumeration("name", ["Hate", "SelfHarm", "Sexual", "Violence"], required: true)
                        .Integer("threshold", required: true)
                        .Build(),
                    minOccurs: 1)
                .Build(),
            maxOccurs: 1)
        .Child(
            Element("blocklists").Child(Element("id").Text(TextContent.RequiredValue).Build(), minOccurs: 1).Build(),
            maxOccurs: 1)
        .Build(),
    "Checks prompts and completions with Azure AI Content Safety and blocks harmful content.",
    PolicySections.Inbound | PolicySections.Outbound,
    // The 2026 page lists global, workspace, product and API; operation is not listed.
    PolicyScopes.Global | PolicyScopes.Workspace | PolicyScopes.Product | PolicyScopes.Api);
