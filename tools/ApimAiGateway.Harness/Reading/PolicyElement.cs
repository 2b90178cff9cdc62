using ApimAiGateway.Harness.Diagnostics;

namespace ApimAiGateway.Harness.Reading;

/// <summary>An element of a policy document; <see cref="PolicyNode.Location"/> is its '&lt;'.</summary>
public sealed class PolicyElement : PolicyNode
{
    private readonly List<PolicyAttribute> _attributes;
    private readonly List<PolicyNode> _children = [];

    internal PolicyElement(string name, SourceLocation location, List<PolicyAttribute> attributes)
        : base(location)
    {
        Name = name;
        _attributes = attributes;
    }

    public string Name { get; }

    public IReadOnlyList<PolicyAttribute> Attributes => _attributes;

    /// <summary>Child elements and text runs in document order (comments and processing instructions are dropped).</summary>
    public IReadOnlyList<PolicyNode> Children => _children;

    public IEnumerable<PolicyElement> Elements => _children.OfType<PolicyElement>();

    /// <summary>The element's text content (all text and CDATA children joined) when it has non-white-space text; otherwise null.</summary>
    public PolicyValue? Text { get; internal set; }

    /// <summary>The attribute with this exact name (XML names are case-sensitive), or null.</summary>
    public PolicyAttribute? Attribute(string name) => _attributes.Find(a => a.Name == name);

    public IEnumerable<PolicyElement> ElementsNamed(string name) => Elements.Where(e => e.Name == name);

    public override string ToString() => $"<{Name}> at {Location}";

    internal void Add(PolicyNode child)
    {
        child.Parent = this;
        _children.Add(child);
    }
}
