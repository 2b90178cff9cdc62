using static ApimAiGateway.Harness.Policies.ElementSpecBuilder;

namespace ApimAiGateway.Harness.Policies.Definitions;

/// <summary>
/// xsl-transform (xsl-transform-policy): optional <c>&lt;parameter parameter-name&gt;</c> elements followed by an
/// XSLT stylesheet in the XSLT namespace, whose prefix is the author's choice; the content is therefore not modelled.
/// </summary>
public sealed class XslTransformPolicy() : PolicyDefinition(
    Policy("xsl-transform").AnyXml().Build(),
    "Applies an XSL transformation to an XML body.",
    PolicySections.Inbound | PolicySections.Outbound,
    PolicyScopes.All);
