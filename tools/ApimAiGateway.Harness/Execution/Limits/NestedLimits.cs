using ApimAiGateway.Harness.Context;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Limits;

/// <summary>
/// A rate-limit or quota definition's own limit and the independent limits of its nested
/// <c>&lt;api&gt;</c> elements and their <c>&lt;operation&gt;</c> elements (apim-reference §4.19/§4.21).
/// </summary>
internal sealed class NestedLimits<TLimit>
{
    private readonly IReadOnlyList<(NestedLimitScope Scope, TLimit Limit, IReadOnlyList<(NestedLimitScope Scope, TLimit Limit)> Operations)> _apis;

    private NestedLimits(TLimit own, IReadOnlyList<(NestedLimitScope, TLimit, IReadOnlyList<(NestedLimitScope, TLimit)>)> apis)
    {
        Own = own;
        _apis = apis;
    }

    public TLimit Own { get; }

    public static NestedLimits<TLimit> Read(PolicyElement element, Func<PolicyElement, TLimit> read) => new(
        read(element),
        element.ElementsNamed("api")
            .Select(api => (NestedLimitScope.Read(api), read(api),
                (IReadOnlyList<(NestedLimitScope, TLimit)>)api.ElementsNamed("operation").Select(op => (NestedLimitScope.Read(op), read(op))).ToList()))
            .ToList());

    /// <summary>The limits the request is subject to: the definition's own, then its API's, then its operation's.</summary>
    public IEnumerable<TLimit> ApplicableTo(IExpressionContext context)
    {
        yield return Own;
        foreach (var (scope, limit, operations) in _apis)
        {
            if (context.Api is not { } api || !scope.Matches(api.Id, api.Name))
            {
                continue;
            }

            yield return limit;
            foreach (var (operationScope, operationLimit) in operations)
            {
                if (context.Operation is { } operation && operationScope.Matches(operation.Id, operation.Name))
                {
                    yield return operationLimit;
                }
            }
        }
    }
}
