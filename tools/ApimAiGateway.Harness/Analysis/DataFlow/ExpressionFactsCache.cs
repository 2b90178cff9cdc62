using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Analysis.DataFlow;

/// <summary>Parses each expression once for all pipelines it takes part in.</summary>
public sealed class ExpressionFactsCache
{
    private readonly Dictionary<PolicyExpression, ExpressionFacts> _facts = new(ReferenceEqualityComparer.Instance);

    public ExpressionFacts Of(PolicyExpression expression)
    {
        if (!_facts.TryGetValue(expression, out var facts))
        {
            facts = ExpressionFacts.Of(expression.Code.Text, expression.Kind);
            _facts[expression] = facts;
        }

        return facts;
    }
}
