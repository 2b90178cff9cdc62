using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>llm-semantic-cache-lookup (llm-semantic-cache-lookup-policy; apim-reference §4.33).</summary>
public sealed class LlmSemanticCacheLookupPolicy() : PolicyDefinition(
    Describe("llm-semantic-cache-lookup"),
    "Returns a cached completion for a semantically similar prompt.",
    PolicySections.Inbound,
    PolicyScopes.All,
    PolicyOccurrence.OncePerSection)
{
    /// <summary>The schema shared with azure-openai-semantic-cache-lookup.</summary>
    internal static ElementSpec Describe(string name) => Policy(name)
        .Number("score-threshold", required: true)
        .Attribute("embeddings-backend-id", required: true)
        .Enumeration("embeddings-backend-auth", ["system-assigned"], required: true, expressions: false)
        .Boolean("ignore-system-messages", defaultValue: "false")
        .Integer("max-message-count")
        .Child(Element("vary-by").Text(TextContent.RequiredValue).Build())
        .Build();
}
