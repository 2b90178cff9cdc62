namespace ApimAiGateway.Harness.Services;

/// <summary>One call on the simulated network, as the service log keeps it.</summary>
/// <param name="Sequence">Order in which the calls were sent, from 1, across all services.</param>
/// <param name="ServiceName">The service the call reached; null when no service was mapped for it.</param>
/// <param name="Request">The request exactly as sent.</param>
/// <param name="Outcome">What the service did, before any caller timeout is applied.</param>
/// <param name="SentAt">Virtual time of sending.</param>
public sealed record ServiceCall(long Sequence, string? ServiceName, ServiceRequest Request, ServiceOutcome Outcome, DateTimeOffset SentAt)
{
    public string Host => Request.Uri.Host;
}
