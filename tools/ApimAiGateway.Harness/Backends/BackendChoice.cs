namespace ApimAiGateway.Harness.Backends;

/// <summary>
/// The single backend a request goes to: chosen directly, or from a pool; null <see cref="Backend"/> means none is
/// available (every candidate's circuit is open), which the gateway answers with 503.
/// </summary>
public sealed record BackendChoice(BackendDefinition Requested, BackendDefinition? Backend, DateTimeOffset? AvailableAgainAt);
