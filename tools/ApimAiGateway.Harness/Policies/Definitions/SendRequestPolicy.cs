using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>send-request (send-request-policy 2022-11 and newer attributes; apim-reference §4.12).</summary>
public sealed class SendRequestPolicy() : PolicyDefinition(
    Policy("send-request")
        .Enumeration("mode", ["new", "copy"], defaultValue: "new")
        .Attribute("response-variable-name", required: true)
        .Integer("timeout", defaultValue: "60")
        .Boolean("ignore-error", expressions: false, defaultValue: "false")
        .RequestParts()
        .Build(),
    "Sends a request to a URL and stores the response in a variable.",
    PolicySections.All,
    PolicyScopes.All);
