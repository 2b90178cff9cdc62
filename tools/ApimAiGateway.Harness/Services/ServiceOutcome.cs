using System.Diagnostics.CodeAnalysis;

namespace ApimAiGateway.Harness.Services;

/// <summary>
/// The result of a call on the simulated network: a response or a transport failure, and how long it took on the
/// virtual clock. Nothing sleeps: the caller (forward-request, send-request) compares <see cref="Latency"/> with its
/// own timeout through <see cref="Within"/> and advances its clock itself.
/// </summary>
public sealed class ServiceOutcome
{
    private ServiceOutcome(ServiceOutcomeKind kind, ServiceResponse? response, TimeSpan latency, string? failureMessage)
    {
        Kind = kind;
        Response = response;
        Latency = latency;
        FailureMessage = failureMessage;
    }

    public ServiceOutcomeKind Kind { get; }

    /// <summary>The answer; null for a transport failure.</summary>
    public ServiceResponse? Response { get; }

    /// <summary>
    /// Time from sending to the outcome becoming known to the caller. <see cref="Timeout.InfiniteTimeSpan"/> for a
    /// service that never answers: the caller gives up at its own timeout.
    /// </summary>
    public TimeSpan Latency { get; }

    /// <summary>Why the transport failed, for <c>context.LastError.Message</c>; null for a response.</summary>
    public string? FailureMessage { get; }

    [MemberNotNullWhen(true, nameof(Response))]
    public bool IsResponse => Kind == ServiceOutcomeKind.Response;

    /// <summary>The <c>context.LastError.Reason</c> APIM reports for this failure (apim-reference §5.3); null for a response.</summary>
    public string? ErrorReason => Kind switch
    {
        ServiceOutcomeKind.ConnectionFailure => "BackendConnectionFailure",
        ServiceOutcomeKind.Timeout => "Timeout",
        _ => null,
    };

    public static ServiceOutcome Respond(ServiceResponse response) =>
        new(ServiceOutcomeKind.Response, response, TimeSpan.Zero, null);

    public static ServiceOutcome ConnectionFailure(string message) =>
        new(ServiceOutcomeKind.ConnectionFailure, null, TimeSpan.Zero, message);

    /// <summary>A service that accepts the call and never answers.</summary>
    public static ServiceOutcome NoResponse() =>
        new(ServiceOutcomeKind.Timeout, null, Timeout.InfiniteTimeSpan, "The service did not respond.");

    public static implicit operator ServiceOutcome(ServiceResponse response) => Respond(response);

    /// <summary>The same outcome arriving after <paramref name="latency"/>; a service that never answers stays so.</summary>
    public ServiceOutcome After(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        return NeverArrives ? this : new ServiceOutcome(Kind, Response, latency, FailureMessage);
    }

    /// <summary>
    /// What a caller waiting at most <paramref name="timeout"/> sees: this outcome when it arrives in time, otherwise
    /// a <see cref="ServiceOutcomeKind.Timeout"/> whose latency is the timeout, the moment the caller gave up.
    /// </summary>
    public ServiceOutcome Within(TimeSpan timeout) =>
        NeverArrives || Latency > timeout
            ? new ServiceOutcome(ServiceOutcomeKind.Timeout, null, timeout, $"No response was received within {timeout.TotalMilliseconds:0.###} ms.")
            : this;

    public override string ToString() => Kind switch
    {
        ServiceOutcomeKind.Response => $"{Response} after {Latency.TotalMilliseconds:0.###} ms",
        _ when NeverArrives => $"{Kind}: {FailureMessage}",
        _ => $"{Kind} after {Latency.TotalMilliseconds:0.###} ms: {FailureMessage}",
    };

    private bool NeverArrives => Latency == Timeout.InfiniteTimeSpan;
}
