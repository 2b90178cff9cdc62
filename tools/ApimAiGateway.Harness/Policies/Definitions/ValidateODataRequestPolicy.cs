using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>validate-odata-request (validate-odata-request-policy).</summary>
public sealed class ValidateODataRequestPolicy() : PolicyDefinition(
    Policy("validate-odata-request")
        .Attribute("error-variable-name")
        .Attribute("default-odata-version")
        .Attribute("min-odata-version")
        .Attribute("max-odata-version")
        .Integer("max-size")
        .Build(),
    "Validates a request to an OData API for conformance with the OData specification.",
    PolicySections.Inbound,
    PolicyScopes.All);
