using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>choose / when / otherwise (choose-policy 2022-12; apim-reference §4.9).</summary>
public sealed class ChoosePolicy() : PolicyDefinition(
    Policy("choose")
        .Child(
            Element("when")
                .Attribute("condition", AttributeValueType.Boolean, required: true)
                .Policies()
                .Build(),
            minOccurs: 1)
        .Child(Element("otherwise").Policies().Build(), maxOccurs: 1)
        .Build(),
    "Applies the first branch whose condition is true, or the otherwise branch.",
    PolicySections.All,
    PolicyScopes.All);
