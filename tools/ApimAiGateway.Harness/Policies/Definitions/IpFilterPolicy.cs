using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>
/// ip-filter (ip-filter-policy 2022-12; apim-reference §4.24). The page asks for at least one address or
/// address-range; that spans two child kinds, so each is optional here.
/// </summary>
public sealed class IpFilterPolicy() : PolicyDefinition(
    Policy("ip-filter")
        .Enumeration("action", ["allow", "forbid"], required: true)
        .Child(Element("address").Text(TextContent.RequiredValue).Build())
        .Child(Element("address-range").Attribute("from", required: true).Attribute("to", required: true).Build())
        .Build(),
    "Allows or forbids calls from given IP addresses and ranges.",
    PolicySections.Inbound,
    PolicyScopes.All);
