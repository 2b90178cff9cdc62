using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>return-response (return-response-policy 2022-12; apim-reference §4.10).</summary>
public sealed class ReturnResponsePolicy() : PolicyDefinition(
    Policy("return-response")
        .Attribute("response-variable-name", expressions: false)
        .Child(SetStatusPolicy.Spec, maxOccurs: 1)
        .Child(SetHeaderPolicy.Spec)
        .Child(SetBodyPolicy.Spec, maxOccurs: 1)
        .Build(),
    "Stops the pipeline and returns the given response to the caller.",
    PolicySections.All,
    PolicyScopes.All);
