using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>validate-parameters (validate-parameters-policy).</summary>
public sealed class ValidateParametersPolicy() : PolicyDefinition(
    Policy("validate-parameters")
        .Enumeration("specified-parameter-action", ValidationActions.All, required: true)
        .Enumeration("unspecified-parameter-action", ValidationActions.All, required: true)
        .Attribute("errors-variable-name")
        .Child(Location("headers", withUnspecified: true), maxOccurs: 1)
        .Child(Location("query", withUnspecified: true), maxOccurs: 1)
        .Child(Location("path", withUnspecified: false), maxOccurs: 1)
        .Build(),
    "Validates request header, query and path parameters against the API schema.",
    PolicySections.Inbound,
    PolicyScopes.All)
{
    // Path parameters are always specified by the URL template, so <path> has no unspecified-parameter-action.
    private static ElementSpec Location(string name, bool withUnspecified)
    {
        var element = Element(name).Enumeration("specified-parameter-action", ValidationActions.All);
        if (withUnspecified)
        {
            element = element.Enumeration("unspecified-parameter-action", ValidationActions.All);
        }

        return element
            .Child(Element("parameter")
                .Attribute("name", required: true)
                .Enumeration("action", ValidationActions.All, required: true)
                .Build())
            .Build();
    }
}
