namespace ApimAiGateway.Harness.Backends;

/// <summary>
/// The state of one backend's circuit breaker on the gateway clock: closed, counting outcomes in a sliding interval;
/// open until a deadline, during which the gateway does not call the backend.
/// </summary>
public sealed class CircuitBreaker(CircuitBreakerRule rule)
{
    private readonly Queue<(DateTimeOffset At, bool Failed)> _outcomes = new();
    private readonly Lock _gate = new();
    private DateTimeOffset? _openUntil;

    public CircuitBreakerRule Rule { get; } = rule;

    public bool IsOpen(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_openUntil is { } until && now >= until)
            {
                _openUntil = null;
                _outcomes.Clear();
            }

            return _openUntil is not null;
        }
    }

    public DateTimeOffset? OpenUntil
    {
        get
        {
            lock (_gate)
            {
                return _openUntil;
            }
        }
    }

    /// <summary>Counts an answer; returns true when it trips the breaker.</summary>
    public bool RecordResponse(DateTimeOffset now, int statusCode, TimeSpan? retryAfter) =>
        Record(now, Rule.IsFailure(statusCode), retryAfter);

    /// <summary>Counts a connection failure or timeout; returns true when it trips the breaker.</summary>
    public bool RecordTransportFailure(DateTimeOffset now) => Record(now, Rule.CountsTransportFailures, null);

    private bool Record(DateTimeOffset now, bool failed, TimeSpan? retryAfter)
    {
        lock (_gate)
        {
            if (_openUntil is not null && now < _openUntil)
            {
                return false;
            }

            _outcomes.Enqueue((now, failed));
            while (_outcomes.Count > 0 && _outcomes.Peek().At <= now - Rule.Interval)
            {
                _outcomes.Dequeue();
            }

            var failures = _outcomes.Count(o => o.Failed);
            var tripped = failed && (Rule.FailureCount is { } count
                ? failures >= count
                : Rule.FailurePercentage is { } percentage && failures * 100 >= percentage * _outcomes.Count);
            if (tripped)
            {
                var duration = Rule.AcceptRetryAfter && retryAfter is { } hint && hint > TimeSpan.Zero ? hint : Rule.TripDuration;
                _openUntil = now + duration;
            }

            return tripped;
        }
    }
}
