using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>cache-lookup-value (cache-lookup-value-policy 2024-07; apim-reference §4.30).</summary>
public sealed class CacheLookupValuePolicy() : PolicyDefinition(
    Policy("cache-lookup-value")
        .Attribute("key", required: true)
        .Attribute("variable-name", required: true, expressions: false)
        .Attribute("default-value")
        .Add(CachingType.Attribute)
        .Build(),
    "Reads a cached value by key into a variable.",
    PolicySections.All,
    PolicyScopes.All);
