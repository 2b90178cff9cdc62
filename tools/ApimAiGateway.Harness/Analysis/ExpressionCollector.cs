using ApimAiGateway.Harness.Compilation;
using ApimAiGateway.Harness.Policies;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Analysis;

/// <summary>An expression found in a policy document, with what its holder needs it to produce.</summary>
public sealed record CollectedExpression(PolicyExpression Expression, ExpressionResultType ResultType, PolicyElement Holder)
{
    public ExpressionSource ToSource() => new(Expression.Code.Text, Expression.Kind, ResultType, Expression.Code.LocationAt);
}

/// <summary>Finds every expression of a document: in attribute values and element text, in document order.</summary>
public sealed class ExpressionCollector(PolicyCatalog catalog)
{
    /// <summary>Attributes APIM evaluates as conditions; their expressions must be boolean (choose, retry, limits).</summary>
    private static readonly HashSet<string> ConditionAttributes = new(StringComparer.Ordinal) { "condition", "increment-condition" };

    public void Collect(PolicyDocument document, List<CollectedExpression> found) => Visit(document.Root, found);

    private void Visit(PolicyElement element, List<CollectedExpression> found)
    {
        foreach (var attribute in element.Attributes)
        {
            if (attribute.Value.Expression is { } expression)
            {
                var type = ConditionAttributes.Contains(attribute.Name) ? ExpressionResultType.Boolean : ExpressionResultType.Object;
                found.Add(new CollectedExpression(expression, type, element));
            }
        }

        if (element.Text?.Expression is { } text)
        {
            found.Add(new CollectedExpression(text, ExpressionResultType.Object, element));
        }

        // The inside of an element that holds free XML (xsl-transform's stylesheet) is not policy text.
        if (catalog.TryGet(element.Name, out var definition) && definition.Element.Children.Kind == ChildContentKind.AnyXml)
        {
            return;
        }

        foreach (var child in element.Elements)
        {
            Visit(child, found);
        }
    }
}
