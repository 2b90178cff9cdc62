namespace ApimAiGateway.Harness.Backends;

/// <summary>
/// The gateway's backend entities and their run-time state: circuit breakers per single backend, and the rotation
/// inside each pool's priority groups. Pools send all traffic to the highest-priority group (lowest number) that has a
/// backend whose circuit is closed, spread across it by weight with a smooth weighted round-robin, so shares are
/// exact and repeatable (apim-reference §4.35: "round-robin by default; weighted when weights set").
/// </summary>
public sealed class BackendRuntime(TimeProvider clock)
{
    private readonly Dictionary<string, BackendDefinition> _definitions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CircuitBreaker> _breakers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _currentWeights = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _rotation = new();

    public void Add(BackendDefinition definition)
    {
        _definitions[definition.Id] = definition;
        if (definition.CircuitBreaker is { } rule)
        {
            _breakers[definition.Id] = new CircuitBreaker(rule);
        }
    }

    public BackendDefinition? Find(string id) => _definitions.GetValueOrDefault(id);

    public CircuitBreaker? BreakerOf(string id) => _breakers.GetValueOrDefault(id);

    /// <summary>Picks the backend for one request to <paramref name="requested"/> (a single backend or a pool).</summary>
    public BackendChoice Choose(BackendDefinition requested)
    {
        var now = clock.GetUtcNow();
        if (requested.Kind == BackendKind.Single)
        {
            return IsAvailable(requested.Id, now)
                ? new BackendChoice(requested, requested, null)
                : new BackendChoice(requested, null, BreakerOf(requested.Id)?.OpenUntil);
        }

        foreach (var group in requested.Members.GroupBy(m => m.Priority).OrderBy(g => g.Key))
        {
            var available = group.Where(m => _definitions.ContainsKey(m.BackendId) && IsAvailable(m.BackendId, now)).ToList();
            if (available.Count > 0)
            {
                var chosen = Rotate(requested.Id, group.Key, available);
                return new BackendChoice(requested, _definitions[chosen.BackendId], null);
            }
        }

        var reopen = requested.Members.Select(m => BreakerOf(m.BackendId)?.OpenUntil).Where(t => t is not null).Min();
        return new BackendChoice(requested, null, reopen);
    }

    /// <summary>Counts a backend's answer (or transport failure when <paramref name="statusCode"/> is null) on its breaker.</summary>
    public bool Report(string backendId, int? statusCode, TimeSpan? retryAfter)
    {
        if (BreakerOf(backendId) is not { } breaker)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        return statusCode is { } status ? breaker.RecordResponse(now, status, retryAfter) : breaker.RecordTransportFailure(now);
    }

    private bool IsAvailable(string id, DateTimeOffset now) => BreakerOf(id) is not { } breaker || !breaker.IsOpen(now);

    /// <summary>Smooth weighted round-robin: each pick adds every weight to its member's score and takes the top one.</summary>
    private PoolMember Rotate(string pool, int priority, IReadOnlyList<PoolMember> members)
    {
        lock (_rotation)
        {
            var total = 0;
            PoolMember? best = null;
            var bestScore = int.MinValue;
            foreach (var member in members)
            {
                var weight = Math.Max(1, member.Weight);
                total += weight;
                var key = $"{pool}|{priority}|{member.BackendId}";
                var score = _currentWeights.GetValueOrDefault(key) + weight;
                _currentWeights[key] = score;
                if (score > bestScore)
                {
                    (best, bestScore) = (member, score);
                }
            }

            _currentWeights[$"{pool}|{priority}|{best!.BackendId}"] = bestScore - total;
            return best;
        }
    }
}
