using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>
/// send-one-way-request (send-one-way-request-policy). Children mirror send-request; the page lists set-url,
/// set-method, set-header, set-body and authentication-certificate, and the others are accepted as in send-request.
/// </summary>
public sealed class SendOneWayRequestPolicy() : PolicyDefinition(
    Policy("send-one-way-request")
        .Enumeration("mode", ["new", "copy"], defaultValue: "new")
        .Integer("timeout", defaultValue: "60")
        .RequestParts()
        .Build(),
    "Sends a request to a URL without waiting for the response.",
    PolicySections.All,
    PolicyScopes.All);
