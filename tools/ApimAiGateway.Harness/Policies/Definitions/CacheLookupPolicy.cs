using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>cache-lookup (cache-lookup-policy 2024-07; apim-reference §4.29).</summary>
public sealed class CacheLookupPolicy() : PolicyDefinition(
    Policy("cache-lookup")
        .Boolean("vary-by-developer", required: true)
        .Boolean("vary-by-developer-groups", required: true)
        .Add(CachingType.Attribute)
        .Enumeration("downstream-caching-type", ["none", "private", "public"], defaultValue: "none")
        .Boolean("must-revalidate", defaultValue: "true")
        .Boolean("allow-private-response-caching", defaultValue: "false")
        .Child(Element("vary-by-header").Text(TextContent.RequiredLiteral).Build())
        .Child(Element("vary-by-query-parameter").Text(TextContent.RequiredLiteral).Build())
        .Build(),
    "Returns a cached response when a valid one is available.",
    PolicySections.Inbound,
    PolicyScopes.All,
    PolicyOccurrence.OncePerSection);
