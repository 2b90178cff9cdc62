using ApimAiGateway.Harness.Execution.Pipeline;
using ApimAiGateway.Harness.Reading;
using ApimAiGateway.Harness.Repository;

namespace ApimAiGateway.Harness.Execution.Binding;

/// <summary>
/// Binds policy elements to steps once, when a gateway is built: finds each policy's handler by element name, reads
/// attribute literals and compiled expressions into <see cref="BoundValue{T}"/>s, and wraps every step with its place
/// in the pipeline so errors report it as APIM does.
/// </summary>
public sealed class PolicyBinder
{
    private readonly PolicyHandlerRegistry _handlers;
    private readonly CompiledExpressionLookup _expressions;
    private readonly FragmentIndex _fragments;

    internal PolicyBinder(PolicyHandlerRegistry handlers, CompiledExpressionLookup expressions, FragmentIndex fragments, string scope, string section)
    {
        _handlers = handlers;
        _expressions = expressions;
        _fragments = fragments;
        Scope = scope;
        Section = section;
    }

    /// <summary>The scope of the document being bound: global, product, api or operation.</summary>
    public string Scope { get; }

    /// <summary>The section being bound: inbound, backend, outbound or on-error.</summary>
    public string Section { get; }

    internal string Path { get; private set; } = string.Empty;

    public PolicyBinder ForScope(string scope) => new(_handlers, _expressions, _fragments, scope, Section);

    public PolicyBinder ForSection(string section) => new(_handlers, _expressions, _fragments, Scope, section);

    public FragmentIndex Fragments => _fragments;

    /// <summary>Binds policies that run one after another (a section, a when branch, a retry body, a fragment).</summary>
    public IPolicyStep Sequence(IEnumerable<PolicyElement> policies)
    {
        var steps = policies.Select(Bind).ToList();
        return steps.Count switch
        {
            0 => EmptyStep.Instance,
            1 => steps[0],
            _ => new SequenceStep(steps),
        };
    }

    /// <summary>Binds one policy, wrapped with its place: path positions count among the parent's elements.</summary>
    public IPolicyStep Bind(PolicyElement element)
    {
        var parentPath = Path;
        var position = element.Parent is { } parent ? parent.Elements.TakeWhile(e => !ReferenceEquals(e, element)).Count() + 1 : 1;
        Path = parentPath.Length == 0 ? $"{element.Name}[{position}]" : $"{parentPath}/{element.Name}[{position}]";
        try
        {
            var location = new PolicyLocation(element.Name, Scope, Section, Path, element.Attribute("id")?.Value.Text.Text, element.Location);
            var inner = element.Name == "include-fragment"
                ? BindFragment(element, location)
                : _handlers.TryGet(element.Name, out var handler)
                    ? handler.Bind(element, this)
                    : new NotEmulatedStep(location);
            return new LocatedStep(location, inner);
        }
        finally
        {
            Path = parentPath;
        }
    }

    /// <summary>Binds the policies inside a sub-element such as <c>when</c>, with the sub-element in their path.</summary>
    public IPolicyStep Nested(PolicyElement container)
    {
        var parentPath = Path;
        var position = container.Parent is { } parent ? parent.Elements.TakeWhile(e => !ReferenceEquals(e, container)).Count() + 1 : 1;
        Path = $"{parentPath}/{container.Name}[{position}]";
        try
        {
            return Sequence(container.Elements);
        }
        finally
        {
            Path = parentPath;
        }
    }

    public bool Has(PolicyElement element, string attribute) => element.Attribute(attribute) is not null;

    /// <summary>An attribute's value; <paramref name="fallback"/> when the attribute is absent.</summary>
    public BoundValue<T> Attribute<T>(PolicyElement element, string attribute, T fallback) =>
        element.Attribute(attribute)?.Value is { } value ? Bind<T>(element, value) : new BoundValue<T>(fallback, element.Name);

    /// <summary>The element's text (literal or expression); <paramref name="fallback"/> when it has none.</summary>
    public BoundValue<T> Text<T>(PolicyElement element, T fallback) =>
        element.Text is { } text ? Bind<T>(element, text) : new BoundValue<T>(fallback, element.Name);

    public BoundValue<T> Bind<T>(PolicyElement holder, PolicyValue value) =>
        value.Expression is { } expression
            ? new BoundValue<T>(_expressions.Get(expression), ValueConversions.FromResult<T>, holder.Name)
            : new BoundValue<T>(ValueConversions.FromLiteral<T>(value.Text.Text), holder.Name);

    private IPolicyStep BindFragment(PolicyElement include, PolicyLocation location)
    {
        var id = include.Attribute("fragment-id")?.Value.Text.Text.Trim() ?? string.Empty;
        return _fragments.TryGet(id, out var fragment)
            ? Sequence(fragment.Root.Elements)
            : new FailingStep(new PolicyException("include-fragment", "FragmentNotFound", $"Fragment '{id}' does not exist.") { Location = location });
    }
}
