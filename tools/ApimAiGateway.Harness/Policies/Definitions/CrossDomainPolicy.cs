using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>cross-domain (cross-domain-policy): holds a Flash/Silverlight cross-domain file verbatim.</summary>
public sealed class CrossDomainPolicy() : PolicyDefinition(
    Policy("cross-domain").AnyXml().Build(),
    "Makes the API accessible from Adobe Flash and Microsoft Silverlight clients.",
    PolicySections.Inbound,
    PolicyScopes.Global);
