using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Binding;

/// <summary>The compiled delegate of every expression of a gateway, found by the expression as the reader produced it.</summary>
public sealed class CompiledExpressionLookup
{
    private readonly Dictionary<PolicyExpression, Func<IExpressionContext, object?>> _compiled = new(ReferenceEqualityComparer.Instance);

    public void Add(PolicyExpression expression, Func<IExpressionContext, object?> compiled) => _compiled[expression] = compiled;

    public Func<IExpressionContext, object?> Get(PolicyExpression expression) =>
        _compiled.TryGetValue(expression, out var compiled)
            ? compiled
            : throw new InvalidOperationException($"The expression at {expression.Location} was not compiled with the gateway.");
}
