namespace ApimAiGateway.Harness.Backends;

/// <summary>
/// A circuit-breaker rule (apim-reference §4.35): trip when, within <see cref="Interval"/>, failures reach
/// <see cref="FailureCount"/> or <see cref="FailurePercentage"/>; stay open for <see cref="TripDuration"/>, or for the
/// backend's Retry-After when <see cref="AcceptRetryAfter"/> is set.
/// </summary>
public sealed record CircuitBreakerRule(string Name, TimeSpan Interval, TimeSpan TripDuration)
{
    public int? FailureCount { get; init; }

    public int? FailurePercentage { get; init; }

    public IReadOnlyList<(int Min, int Max)> StatusCodeRanges { get; init; } = [];

    public IReadOnlyList<string> ErrorReasons { get; init; } = [];

    public bool AcceptRetryAfter { get; init; }

    public bool IsFailure(int statusCode) => StatusCodeRanges.Any(r => statusCode >= r.Min && statusCode <= r.Max);

    /// <summary>
    /// Transport failures count when the rule lists error reasons. The reasons are free text in the docs' examples
    /// ("Server errors"), so any listed reason makes connection failures and timeouts count.
    /// </summary>
    public bool CountsTransportFailures => ErrorReasons.Count > 0;
}
