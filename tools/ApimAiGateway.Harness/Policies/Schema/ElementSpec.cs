namespace ApimAiGateway.Harness.Policies;

/// <summary>The schema of one XML element: a policy's root element or one of its sub-elements.</summary>
public sealed record ElementSpec(
    string Name,
    IReadOnlyList<AttributeSpec> Attributes,
    ChildContent Children,
    TextContent Text,
    IReadOnlyList<AttributeRule> Rules)
{
    public AttributeSpec? FindAttribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    public ChildElement? FindChild(string name) => Children.FindElement(name);

    public IEnumerable<AttributeSpec> RequiredAttributes => Attributes.Where(a => a.Required);
}
