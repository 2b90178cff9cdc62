using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>
/// set-backend-service, including its Service Fabric and Dapr forms (set-backend-service-policy 2022-12,
/// set-backend-service-dapr-policy, backends 2026; apim-reference §4.8). The Dapr form sets backend-id="dapr".
/// </summary>
public sealed class SetBackendServicePolicy() : PolicyDefinition(
    Policy("set-backend-service")
        .Attribute("base-url")
        .Attribute("backend-id")
        .Attribute("sf-resolve-condition")
        .Attribute("sf-service-instance-name")
        .Attribute("sf-partition-key")
        .Enumeration("sf-replica-type", ["primary", "secondary"])
        .Attribute("sf-listener-name")
        .Attribute("dapr-app-id")
        .Attribute("dapr-method")
        .Attribute("dapr-namespace")
        .Rule(AttributeRuleKind.ExactlyOneOf, "base-url", "backend-id")
        .Build(),
    "Changes the backend base URL to a URL or a backend entity (single, pool, Service Fabric or Dapr).",
    PolicySections.Inbound | PolicySections.Backend,
    PolicyScopes.All);
