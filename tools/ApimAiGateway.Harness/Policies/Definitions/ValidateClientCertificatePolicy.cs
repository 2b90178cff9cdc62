using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>validate-client-certificate (validate-client-certificate-policy).</summary>
public sealed class ValidateClientCertificatePolicy() : PolicyDefinition(
    Policy("validate-client-certificate")
        .Boolean("validate-revocation", defaultValue: "true")
        .Boolean("validate-trust", defaultValue: "true")
        .Boolean("validate-not-before", defaultValue: "true")
        .Boolean("validate-not-after", defaultValue: "true")
        .Boolean("ignore-error", defaultValue: "false")
        .Child(
            Element("identities")
                .Child(
                    Element("identity")
                        .Attribute("thumbprint")
                        .Attribute("serial-number")
                        .Attribute("common-name")
                        .Attribute("subject")
                        .Attribute("dns-name")
                        .Attribute("issuer-subject")
                        .Attribute("issuer-thumbprint")
                        .Attribute("issuer-certificate-id")
                        .Build(),
                    minOccurs: 1)
                .Build(),
            maxOccurs: 1)
        .Build(),
    "Validates the client certificate presented to the gateway against rules and identities.",
    PolicySections.Inbound,
    PolicyScopes.All);
