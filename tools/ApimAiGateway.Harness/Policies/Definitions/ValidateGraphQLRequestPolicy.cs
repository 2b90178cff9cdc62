using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>validate-graphql-request (validate-graphql-request-policy).</summary>
public sealed class ValidateGraphQLRequestPolicy() : PolicyDefinition(
    Policy("validate-graphql-request")
        .Attribute("error-variable-name")
        .Integer("max-size", required: true)
        .Integer("max-depth")
        .Integer("max-total-depth")
        .Integer("max-complexity")
        .Child(
            Element("authorize")
                // The rule action values (reject, remove, ignore, allow ...) vary between page versions; free text.
                .Child(Element("rule").Attribute("path", required: true).Attribute("action", required: true).Build())
                .Build(),
            maxOccurs: 1)
        .Build(),
    "Validates and authorizes a request to a GraphQL API.",
    PolicySections.Inbound,
    PolicyScopes.All);
