namespace ApimAiGateway.Harness.Services.Files;

/// <summary>
/// Answers each call with the first rule that takes it and still has calls left; a request no rule takes gets
/// 404, as a real server answers a path it does not serve. Each handler counts <c>times</c> afresh.
/// </summary>
public sealed class CannedRuleHandler : IServiceHandler
{
    private readonly string _serviceName;
    private readonly IReadOnlyList<CannedRule> _rules;
    private readonly int[] _remaining;

    public CannedRuleHandler(string serviceName, IReadOnlyList<CannedRule> rules)
    {
        _serviceName = serviceName;
        _rules = rules;
        _remaining = [.. rules.Select(rule => rule.Times ?? 0)];
    }

    public ValueTask<ServiceOutcome> HandleAsync(ServiceRequest request, ServiceCallContext context, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _rules.Count; i++)
        {
            if (_rules[i].Takes(request) && (_rules[i].Times is null || TryTakeOne(i)))
            {
                return ValueTask.FromResult(_rules[i].Outcome);
            }
        }

        return ValueTask.FromResult<ServiceOutcome>(ServiceResponse.Text(
            $"No response of service '{_serviceName}' matches {request.Method} {request.Uri.AbsolutePath}.", 404));
    }

    // Concurrent calls must not both take a rule's last remaining answer.
    private bool TryTakeOne(int rule)
    {
        var left = Volatile.Read(ref _remaining[rule]);
        while (left > 0)
        {
            var seen = Interlocked.CompareExchange(ref _remaining[rule], left - 1, left);
            if (seen == left)
            {
                return true;
            }

            left = seen;
        }

        return false;
    }
}
