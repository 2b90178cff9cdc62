namespace ApimAiGateway.Harness.Policies;

/// <summary>
/// Builds an <see cref="ElementSpec"/> in the order the reference pages list things, so a definition reads like its
/// policy statement. Inconsistent declarations (a duplicate attribute, a rule naming an undeclared attribute) are
/// programming errors in the catalog and fail at startup.
/// </summary>
public sealed class ElementSpecBuilder
{
    /// <summary>
    /// The optional <c>id</c> attribute every policy element may carry; APIM surfaces it as
    /// <c>context.LastError.PolicyId</c> (apim-reference §3.1, api-management-error-handling-policies).
    /// </summary>
    public const string PolicyIdAttribute = "id";

    private readonly string _name;
    private readonly List<AttributeSpec> _attributes = [];
    private readonly List<ChildElement> _children = [];
    private readonly List<AttributeRule> _rules = [];
    private readonly List<string> _allowedPolicies = [];
    private ChildContentKind _childKind = ChildContentKind.None;
    private TextContent _text = TextContent.None;

    private ElementSpecBuilder(string name) => _name = name;

    /// <summary>Starts a sub-element (not itself a policy).</summary>
    public static ElementSpecBuilder Element(string name) => new(name);

    /// <summary>Starts a policy's root element, which always accepts the <c>id</c> attribute.</summary>
    public static ElementSpecBuilder Policy(string name) =>
        new ElementSpecBuilder(name).Attribute(PolicyIdAttribute, expressions: false);

    public ElementSpecBuilder Attribute(
        string name,
        AttributeValueType type = AttributeValueType.String,
        bool required = false,
        bool expressions = true,
        string? defaultValue = null) =>
        Add(new AttributeSpec(name, required, expressions, type, [], defaultValue));

    public ElementSpecBuilder Integer(string name, bool required = false, bool expressions = true, string? defaultValue = null) =>
        Attribute(name, AttributeValueType.Integer, required, expressions, defaultValue);

    public ElementSpecBuilder Boolean(string name, bool required = false, bool expressions = true, string? defaultValue = null) =>
        Attribute(name, AttributeValueType.Boolean, required, expressions, defaultValue);

    public ElementSpecBuilder Number(string name, bool required = false, bool expressions = true, string? defaultValue = null) =>
        Attribute(name, AttributeValueType.Number, required, expressions, defaultValue);

    public ElementSpecBuilder Enumeration(
        string name,
        IReadOnlyList<string> values,
        bool required = false,
        bool expressions = true,
        string? defaultValue = null) =>
        Add(new AttributeSpec(name, required, expressions, AttributeValueType.Enumeration, values, defaultValue));

    /// <summary>Adds an already declared attribute, e.g. one shared by several policies.</summary>
    public ElementSpecBuilder Add(AttributeSpec attribute)
    {
        if (_attributes.Exists(a => a.Name == attribute.Name))
        {
            throw new InvalidOperationException($"Element '{_name}' declares attribute '{attribute.Name}' twice.");
        }

        _attributes.Add(attribute);
        return this;
    }

    public ElementSpecBuilder Child(ElementSpec element, int minOccurs = 0, int? maxOccurs = null)
    {
        if (_children.Exists(c => c.Name == element.Name))
        {
            throw new InvalidOperationException($"Element '{_name}' declares child '{element.Name}' twice.");
        }

        if (_childKind == ChildContentKind.None)
        {
            _childKind = ChildContentKind.Elements;
        }

        _children.Add(new ChildElement(element, minOccurs, maxOccurs));
        return this;
    }

    /// <summary>The element holds policy statements: any policy of the enclosing section, or only the named ones.</summary>
    public ElementSpecBuilder Policies(params string[] onlyThese)
    {
        _childKind = ChildContentKind.Policies;
        _allowedPolicies.AddRange(onlyThese);
        return this;
    }

    public ElementSpecBuilder AnyXml()
    {
        _childKind = ChildContentKind.AnyXml;
        return this;
    }

    public ElementSpecBuilder Text(TextContent text)
    {
        _text = text;
        return this;
    }

    public ElementSpecBuilder Rule(AttributeRuleKind kind, params string[] attributes)
    {
        var undeclared = attributes.Where(a => !_attributes.Exists(x => x.Name == a)).ToList();
        if (undeclared.Count > 0 || attributes.Length < 2)
        {
            throw new InvalidOperationException(
                $"Element '{_name}' has a {kind} rule over undeclared or too few attributes: {string.Join(", ", attributes)}.");
        }

        _rules.Add(new AttributeRule(kind, attributes));
        return this;
    }

    public ElementSpec Build() =>
        new(_name,
            _attributes.ToArray(),
            new ChildContent(_childKind, _children.ToArray(), _allowedPolicies.ToArray()),
            _text,
            _rules.ToArray());
}
