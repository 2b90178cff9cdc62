using ApimAiGateway.Harness.Context;

namespace ApimAiGateway.Harness.Execution.Binding;

/// <summary>
/// An attribute value or element text as bound once: a literal converted up front, or a compiled expression that is
/// evaluated and converted per request. A failing expression becomes APIM's ExpressionValueEvaluationFailure.
/// </summary>
public sealed class BoundValue<T>
{
    private readonly T _constant;
    private readonly Func<IExpressionContext, object?>? _expression;
    private readonly Func<object?, T> _convert;
    private readonly string _policyName;

    internal BoundValue(T constant, string policyName)
    {
        _constant = constant;
        _convert = _ => constant;
        _policyName = policyName;
    }

    internal BoundValue(Func<IExpressionContext, object?> expression, Func<object?, T> convert, string policyName)
    {
        _constant = default!;
        _expression = expression;
        _convert = convert;
        _policyName = policyName;
    }

    public bool IsConstant => _expression is null;

    public T Evaluate(PolicyExecutionContext context)
    {
        if (_expression is null)
        {
            return _constant;
        }

        object? result;
        try
        {
            result = ExpressionWatchdog.Run(_expression, context.Expression, context.Services.ExpressionTimeLimit);
        }
        catch (PolicyException)
        {
            throw;
        }
        catch (Exception e)
        {
            throw ExpressionFailure(e);
        }

        try
        {
            return _convert(result);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException)
        {
            throw ExpressionFailure(e);
        }
    }

    private PolicyException ExpressionFailure(Exception e) =>
        new(_policyName, "ExpressionValueEvaluationFailure", $"Expression evaluation failed. {e.Message}");
}
