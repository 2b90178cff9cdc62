using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>mock-response (mock-response-policy 2022-11, index from the policy toolkit; apim-reference §4.11).</summary>
public sealed class MockResponsePolicy() : PolicyDefinition(
    Policy("mock-response")
        // No expressions anywhere (MicrosoftDocs/azure-docs#103071).
        .Integer("status-code", expressions: false, defaultValue: "200")
        .Attribute("content-type", expressions: false)
        .Integer("index", expressions: false)
        .Build(),
    "Stops the pipeline and returns a response mocked from the operation's examples or schema.",
    PolicySections.Inbound | PolicySections.Outbound | PolicySections.OnError,
    PolicyScopes.All);
